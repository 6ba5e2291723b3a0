package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs the bench with tiny sizes against standalone components of its own (a child JVM on the
 * test class path) and checks that the report has every key with a plausible value.
 */
class BenchCommandIT {

    @Test
    void tinyRunWritesCompleteReport(@TempDir Path directory) throws Exception {
        Path reportFile = directory.resolve("report.json");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = BenchCommand.run(List.of("--quick", "--users", "60", "--groups", "6",
                "--tenants", "2", "--concurrency", "4", "--rate", "20", "--duration", "3",
                "--report", reportFile.toString()),
                new PrintStream(output, true, StandardCharsets.UTF_8), System.err);
        String summary = output.toString(StandardCharsets.UTF_8);

        assertThat(status).as(summary).isZero();
        JsonNode report = BenchHttp.JSON.readTree(Files.readString(reportFile));
        assertThat(report.propertyNames()).containsExactlyElementsOf(BenchReport.KEYS);
        assertThat(report.path("quick").asBoolean()).isTrue();
        assertThat(report.path("scim_writes_per_s").asDouble()).isPositive();
        assertThat(report.path("ack_latency_ms").path("p50").asDouble()).isPositive();
        assertThat(report.path("ack_latency_ms").path("p999").asDouble())
                .isGreaterThanOrEqualTo(report.path("ack_latency_ms").path("p99").asDouble());
        assertThat(report.path("saturation_latency_ms").path("p99").asDouble()).isPositive();
        assertThat(report.path("apply_lag_ms").path("p50").isNumber()).isTrue();
        assertThat(report.path("apply_lag_ms").path("p99").isNumber()).isTrue();
        assertThat(report.path("initial_sync").path("objects").asLong())
                .isEqualTo(60 + 6 + 60);
        assertThat(report.path("initial_sync").path("seconds").asDouble()).isPositive();
        assertThat(report.path("cpu_s_per_1000_changes").asDouble()).isPositive();
        assertThat(report.path("baseline").path("kafka_records_per_s").asDouble()).isPositive();
        assertThat(report.path("baseline").path("store_upserts_per_s").asDouble()).isPositive();
        assertThat(report.path("ratios").path("vs_kafka").asDouble()).isPositive();
        assertThat(report.path("ratios").path("vs_store").asDouble()).isPositive();
        assertThat(report.path("rss_mb").path("standalone").asDouble()).isGreaterThan(50);
        assertThat(report.path("rss_mb").path("bench").asDouble()).isGreaterThan(10);
        assertThat(report.path("options").path("users").asInt()).isEqualTo(60);
        assertThat(summary).contains("0 mismatches");
    }
}
