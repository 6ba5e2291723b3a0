package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BenchReportTest {

    @Test
    void jsonHasExactlyTheReportKeys() {
        JsonNode json = report(1200, 40.0, 2000.0, 2000.0).toJson();

        assertThat(json.propertyNames()).containsExactlyElementsOf(BenchReport.KEYS);
        assertThat(json.path("ack_latency_ms").propertyNames())
                .containsExactly("p50", "p99", "p999");
        assertThat(json.path("saturation_latency_ms").propertyNames())
                .containsExactly("p50", "p99", "p999");
        assertThat(json.path("apply_lag_ms").propertyNames()).containsExactly("p50", "p99");
        assertThat(json.path("initial_sync").propertyNames()).containsExactly("objects", "seconds");
        assertThat(json.path("baseline").propertyNames())
                .containsExactly("kafka_records_per_s", "store_upserts_per_s");
        assertThat(json.path("ratios").propertyNames()).containsExactly("vs_kafka", "vs_store");
    }

    @Test
    void ratiosDivideThePipelineRateByEachBaseline() {
        JsonNode json = report(1200, 40.0, 2000.0, 2000.0).toJson();

        assertThat(json.path("ratios").path("vs_kafka").asDouble()).isEqualTo(0.6);
        assertThat(json.path("ratios").path("vs_store").asDouble()).isEqualTo(0.6);
    }

    @Test
    void unmeasuredFiguresAreNull() {
        JsonNode json = report(1200, null, null, null).toJson();

        assertThat(json.path("apply_lag_ms").path("p99").isNull()).isTrue();
        assertThat(json.path("baseline").path("kafka_records_per_s").isNull()).isTrue();
        assertThat(json.path("ratios").path("vs_store").isNull()).isTrue();
    }

    @Test
    void reportMeetingEveryTargetListsNoneMissed() {
        assertThat(report(1200, 40.0, 2000.0, 2000.0).missedTargets()).isEmpty();
    }

    @Test
    void summaryNamesEachMissedTarget() {
        BenchReport report = report(80, 2277.0, 9680.0, 1000.0);

        assertThat(report.missedTargets()).hasSize(3);
        assertThat(report.summary())
                .contains("1,000 writes/s at 50 clients: 80.0 writes/s")
                .contains("p99 apply lag under 250 ms: 2277.0 ms")
                .contains("half the store's raw upsert rate: ratio 0.080");
    }

    @Test
    void summaryCountsFailedSyncWritesByStatus() {
        assertThat(report(1200, 40.0, 2000.0, 2000.0).summary())
                .contains("2 write requests failed (by status {503=2})");
    }

    private static BenchReport report(double writesPerSecond, Double applyLagP99,
            Double kafkaRate, Double storeRate) {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        latency.recordValue(20_000);
        LoadPhase.Result fixed = new LoadPhase.Result(latency, 100, 0, 0, 10.0);
        BenchReport.Latency ack = BenchReport.Latency.of(fixed);
        Double applyLagP50 = applyLagP99 == null ? null : 20.0;
        return new BenchReport(writesPerSecond, ack, ack, applyLagP50, applyLagP99,
                new InitialSync.Result(4400, 2300, 2, 120.0, Map.of("503", 2L)), 3.0, kafkaRate,
                storeRate,
                Map.of("bench", 200.0), true, Map.of("rate", 500, "concurrency", 50), fixed,
                new FinalStateCheck.Result(100, 0, 0, null));
    }
}
