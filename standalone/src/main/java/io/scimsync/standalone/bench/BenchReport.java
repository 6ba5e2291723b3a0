package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * The figures of one bench run, written as the JSON report and as a summary that names every
 * target the run missed. Figures the run could not measure (the baselines and CPU time against a
 * {@code --target}, a metric the target does not export) are null.
 *
 * @param scimWritesPerSecond acknowledged writes per second at saturation
 * @param ackLatency response latency at the fixed rate, in milliseconds
 * @param saturationLatency response latency at saturation, in milliseconds
 * @param applyLagP50Millis median of the processor's apply lag after the fixed-rate phase
 * @param applyLagP99Millis 99th percentile of the same
 * @param initialSync objects and duration of the initial cycle
 * @param cpuSecondsPer1000Changes CPU seconds of the standalone process per 1,000 acknowledged
 *     writes, over the initial sync and both measured phases
 * @param kafkaRecordsPerSecond raw produce rate of the same broker
 * @param storeUpsertsPerSecond raw bulk-upsert rate of the same store
 * @param residentMegabytes VmRSS per process name
 * @param quick whether the sizes were scaled down
 * @param options the options of the run
 * @param fixedRate what the fixed-rate phase measured, for the summary
 * @param verification the check of the final state, for the summary
 */
record BenchReport(double scimWritesPerSecond, Latency ackLatency, Latency saturationLatency,
        Double applyLagP50Millis, Double applyLagP99Millis, InitialSync.Result initialSync,
        Double cpuSecondsPer1000Changes, Double kafkaRecordsPerSecond,
        Double storeUpsertsPerSecond, Map<String, Double> residentMegabytes, boolean quick,
        Map<String, Object> options, LoadPhase.Result fixedRate,
        FinalStateCheck.Result verification) {

    /** The keys of the JSON report, in their order. */
    static final List<String> KEYS = List.of("scim_writes_per_s", "ack_latency_ms",
            "saturation_latency_ms", "apply_lag_ms", "initial_sync", "cpu_s_per_1000_changes",
            "baseline", "ratios", "rss_mb", "quick", "options");

    /** Response latency percentiles in milliseconds. */
    record Latency(double p50, double p99, double p999) {

        static Latency of(LoadPhase.Result phase) {
            return new Latency(phase.percentileMillis(50), phase.percentileMillis(99),
                    phase.percentileMillis(99.9));
        }
    }

    Double ratioToKafka() {
        return ratio(kafkaRecordsPerSecond);
    }

    Double ratioToStore() {
        return ratio(storeUpsertsPerSecond);
    }

    private Double ratio(Double baseline) {
        return baseline == null || baseline == 0 ? null : scimWritesPerSecond / baseline;
    }

    ObjectNode toJson() {
        ObjectNode json = BenchHttp.JSON.createObjectNode();
        json.put("scim_writes_per_s", round(scimWritesPerSecond));
        json.set("ack_latency_ms", latencyJson(ackLatency));
        json.set("saturation_latency_ms", latencyJson(saturationLatency));
        ObjectNode applyLag = json.putObject("apply_lag_ms");
        applyLag.put("p50", round(applyLagP50Millis));
        applyLag.put("p99", round(applyLagP99Millis));
        json.putObject("initial_sync").put("objects", initialSync.objects())
                .put("seconds", round(initialSync.seconds()));
        json.put("cpu_s_per_1000_changes", round(cpuSecondsPer1000Changes));
        json.putObject("baseline").put("kafka_records_per_s", round(kafkaRecordsPerSecond))
                .put("store_upserts_per_s", round(storeUpsertsPerSecond));
        json.putObject("ratios").put("vs_kafka", roundRatio(ratioToKafka()))
                .put("vs_store", roundRatio(ratioToStore()));
        ObjectNode rss = json.putObject("rss_mb");
        residentMegabytes.forEach((name, megabytes) -> rss.put(name, round(megabytes)));
        json.put("quick", quick);
        json.set("options", BenchHttp.JSON.valueToTree(options));
        return json;
    }

    private static ObjectNode latencyJson(Latency latency) {
        return BenchHttp.JSON.createObjectNode().put("p50", round(latency.p50()))
                .put("p99", round(latency.p99())).put("p999", round(latency.p999()));
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100.0) / 100.0;
    }

    private static Double roundRatio(Double value) {
        return value == null ? null : Math.round(value * 10_000.0) / 10_000.0;
    }

    /** Returns the summary printed on standard output, ending with the missed targets. */
    String summary() {
        StringBuilder text = new StringBuilder();
        text.append(quick ? "scim-sync bench (quick: sizes scaled down)\n" : "scim-sync bench\n");
        line(text, "options", options.toString());
        line(text, "initial sync", String.format(Locale.ROOT,
                "%d objects in %.1f s, %d write requests failed%s", initialSync.objects(),
                initialSync.seconds(), initialSync.failed(),
                initialSync.failedByStatus().isEmpty() ? ""
                        : " (by status " + initialSync.failedByStatus() + ")"));
        line(text, "fixed rate", String.format(Locale.ROOT,
                "%.1f writes/s of %s offered, %d acknowledged, %d failed, %d not sent by the end",
                fixedRate.writesPerSecond(), options.get("rate"), fixedRate.acknowledged(),
                fixedRate.failed(), fixedRate.unsent()));
        line(text, "response latency", formatLatency(ackLatency));
        line(text, "saturation", String.format(Locale.ROOT, "%.1f writes/s, latency %s",
                scimWritesPerSecond, formatLatency(saturationLatency)));
        line(text, "apply lag", "p50 " + millis(applyLagP50Millis) + ", p99 "
                + millis(applyLagP99Millis));
        line(text, "CPU", cpuSecondsPer1000Changes == null ? "not measured"
                : String.format(Locale.ROOT, "%.2f s per 1000 changes", cpuSecondsPer1000Changes));
        line(text, "baseline", "Kafka " + perSecond(kafkaRecordsPerSecond, "records/s")
                + ", store " + perSecond(storeUpsertsPerSecond, "upserts/s"));
        line(text, "ratios", "vs Kafka " + number(ratioToKafka()) + ", vs store "
                + number(ratioToStore()));
        line(text, "RSS MB", residentMegabytes.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %.0f", entry.getKey(),
                        entry.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")));
        line(text, "final state", verification.checked() + " users and groups checked, "
                + verification.mismatches() + " mismatches, " + verification.skipped()
                + " skipped (a write without a response)");
        if (verification.firstMismatch() != null) {
            line(text, "first mismatch", verification.firstMismatch());
        }
        List<String> missed = missedTargets();
        text.append(missed.isEmpty() ? "All targets met.\n" : "Targets missed:\n");
        missed.forEach(target -> text.append("  - ").append(target).append('\n'));
        return text.toString();
    }

    /** Returns a sentence for each target the run missed or could not check. */
    List<String> missedTargets() {
        List<String> missed = new ArrayList<>();
        if (scimWritesPerSecond < 1000) {
            missed.add(String.format(Locale.ROOT, "1,000 writes/s at 50 clients: %.1f writes/s"
                    + " at %s clients", scimWritesPerSecond, options.get("concurrency")));
        }
        if (ackLatency.p99() >= 100) {
            missed.add(String.format(Locale.ROOT, "p99 response latency under 100 ms at 500/s:"
                    + " %.1f ms at %s/s", ackLatency.p99(), options.get("rate")));
        }
        if (applyLagP99Millis == null || applyLagP99Millis >= 250) {
            missed.add("p99 apply lag under 250 ms: " + millis(applyLagP99Millis));
        }
        if (initialSync.seconds() >= 300) {
            missed.add(String.format(Locale.ROOT, "initial sync under 5 minutes: %.0f s",
                    initialSync.seconds()));
        }
        Double vsStore = ratioToStore();
        if (vsStore == null || vsStore < 0.5) {
            missed.add("pipeline at least half the store's raw upsert rate: ratio "
                    + number(vsStore));
        }
        return missed;
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "  %-17s %s%n", label, value));
    }

    private static String formatLatency(Latency latency) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms",
                latency.p50(), latency.p99(), latency.p999());
    }

    private static String millis(Double value) {
        return value == null ? "not exported" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String perSecond(Double value, String unit) {
        return value == null ? "not measured" : String.format(Locale.ROOT, "%.0f %s", value, unit);
    }

    private static String number(Double value) {
        return value == null ? "not measured" : String.format(Locale.ROOT, "%.3f", value);
    }
}
