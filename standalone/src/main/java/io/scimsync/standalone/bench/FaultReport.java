package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of a fault test: the faults with their recovery times, the responses by class and
 * the comparison of the final state with the acknowledged writes. A run passes when no response
 * had an unexpected status and every check of the comparison found nothing.
 */
record FaultReport(List<FaultSchedule.Result> faults, FaultAnswers answers,
        FaultVerification.Result verification, double seconds, Map<String, Object> options) {

    /** The top-level keys of the JSON report, in order. */
    static final List<String> KEYS = List.of("passed", "seconds", "faults", "answers",
            "verification", "options");

    boolean passed() {
        return answers.unexpectedTotal() == 0 && verification.failures() == 0;
    }

    ObjectNode toJson() {
        ObjectNode json = BenchHttp.JSON.createObjectNode();
        json.put("passed", passed());
        json.put("seconds", seconds);
        ArrayNode list = json.putArray("faults");
        for (FaultSchedule.Result fault : faults) {
            list.addObject().put("kind", fault.kind().name().toLowerCase())
                    .put("process", fault.process()).put("signal", fault.signal())
                    .put("at_s", fault.atSeconds()).put("recovery_s", fault.recoverySeconds())
                    .put("in_flight", fault.inFlight());
        }
        ObjectNode answersJson = json.putObject("answers");
        answersJson.put("acknowledged", answers.acknowledged());
        answersJson.put("retryable_503", answers.retryable());
        answersJson.put("refused", answers.refused());
        answersJson.put("dropped_mid_request", answers.dropped());
        ObjectNode unexpected = answersJson.putObject("unexpected");
        answers.unexpected().forEach((status, count) -> unexpected.put(status.toString(), count));
        answers.samples().forEach(answersJson.putArray("unexpected_samples")::add);
        ObjectNode checks = json.putObject("verification");
        new LinkedHashMap<>(verification.counts()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> checks.put(entry.getKey(), entry.getValue()));
        ObjectNode parked = checks.putObject("parked");
        verification.parked().forEach(parked::put);
        verification.samples().forEach(checks.putArray("samples")::add);
        json.set("options", BenchHttp.JSON.valueToTree(options));
        return json;
    }

    /** Returns the human-readable summary. */
    String summary() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Fault test: " + (passed() ? "PASSED" : "FAILED") + " in "
                + Math.round(seconds) + " s, " + faults.size() + " faults");
        lines.add(String.format("  answers: %d acknowledged, %d 503 (retryable), %d refused"
                + " (replica down), %d connections lost mid-request, %d unexpected %s",
                answers.acknowledged(), answers.retryable(), answers.refused(),
                answers.dropped(), answers.unexpectedTotal(), answers.unexpected()));
        answers.samples().forEach(sample -> lines.add("    unexpected: " + sample));
        Map<String, Long> counts = verification.counts();
        lines.add(String.format("  updates: %d sent, %d acknowledged, %d applied",
                counts.get("updates_sent"), counts.get("updates_acknowledged"),
                counts.get("updates_applied")));
        List<String> checks = new ArrayList<>();
        for (String check : FaultChecks.NAMES) {
            checks.add(check + " " + counts.get(check));
        }
        lines.add("  checks: " + String.join(", ", checks));
        lines.add("  parked changes at the end: " + verification.parked());
        verification.samples().forEach(sample -> lines.add("    " + sample));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
