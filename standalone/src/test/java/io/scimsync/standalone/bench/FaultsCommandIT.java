package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs the fault test in a short form, with the five processes of the split deployment as child
 * JVMs on the test class path. Under a load of 40 writes per second it kills the processor
 * twice, restarts the broker and the store once with SIGTERM and once with SIGKILL, and kills an
 * ingress replica mid-request. Nothing acknowledged may be lost, applied twice or reordered, and
 * every response must be a 2xx or a 503.
 */
class FaultsCommandIT {

    @Test
    void shortFaultRunLosesNothing(@TempDir Path directory) throws Exception {
        Path reportFile = directory.resolve("faults.json");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = FaultsCommand.run(List.of("--users", "24", "--writers", "4", "--rate", "40",
                "--processor-kills", "2", "--broker-restarts", "2", "--store-restarts", "2",
                "--ingress-kills", "1", "--interval", "3", "--report", reportFile.toString()),
                new PrintStream(output, true, StandardCharsets.UTF_8), System.err);
        String summary = output.toString(StandardCharsets.UTF_8);
        System.out.print(summary);

        assertThat(status).as(summary).isZero();
        JsonNode report = BenchHttp.JSON.readTree(Files.readString(reportFile));
        assertThat(report.propertyNames()).containsExactlyElementsOf(FaultReport.KEYS);
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(faultSignals(report)).containsExactlyInAnyOrder(
                "processor_kill processor SIGKILL", "processor_kill processor SIGKILL",
                "broker_restart broker SIGTERM", "broker_restart broker SIGKILL",
                "store_restart store SIGTERM", "store_restart store SIGKILL",
                "ingress_kill ingress-1 SIGKILL");
        JsonNode answers = report.path("answers");
        assertThat(answers.path("acknowledged").asLong()).isGreaterThan(100);
        assertThat(answers.path("unexpected").size()).as(answers.toString()).isZero();
        JsonNode verification = report.path("verification");
        for (String check : FaultChecks.NAMES) {
            assertThat(verification.path(check).asLong()).as(check).isZero();
        }
        assertThat(verification.path("updates_applied").asLong())
                .isGreaterThanOrEqualTo(verification.path("updates_acknowledged").asLong());
        assertThat(verification.path("parked").path("quarantined").asLong()).isZero();
    }

    private static List<String> faultSignals(JsonNode report) {
        List<String> faults = new ArrayList<>();
        for (JsonNode fault : report.path("faults")) {
            faults.add(fault.path("kind").asString() + " " + fault.path("process").asString()
                    + " " + fault.path("signal").asString());
        }
        return faults;
    }
}
