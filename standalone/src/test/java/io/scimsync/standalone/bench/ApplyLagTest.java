package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplyLagTest {

    private static final String SCRAPE = """
            # HELP scimsync_apply_lag_seconds from a change's append to Kafka to its store write
            # TYPE scimsync_apply_lag_seconds summary
            scimsync_apply_lag_seconds{quantile="0.5"} 0.012
            scimsync_apply_lag_seconds{quantile="0.99"} 0.2
            scimsync_apply_lag_seconds_count 40.0
            """;

    @Test
    void quantilesAreReadInMilliseconds() {
        assertThat(ApplyLag.quantileMillis(SCRAPE, "0.5")).hasValue(12.0);
        assertThat(ApplyLag.quantileMillis(SCRAPE, "0.99")).hasValue(200.0);
    }

    @Test
    void missingMetricIsEmpty() {
        assertThat(ApplyLag.quantileMillis("jvm_threads_live_threads 40.0\n", "0.99")).isEmpty();
    }
}
