package io.scimsync.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenUseThrottleTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private final TokenUseThrottle throttle = new TokenUseThrottle(Duration.ofMinutes(1));

    @Test
    void firstUseIsWritten() {
        assertThat(throttle.tryAcquire("token-1", T0)).isTrue();
    }

    @Test
    void useWithinIntervalIsSkipped() {
        throttle.tryAcquire("token-1", T0);

        assertThat(throttle.tryAcquire("token-1", T0.plusSeconds(59))).isFalse();
        assertThat(throttle.tryAcquire("token-1", T0.minusSeconds(10))).isFalse();
    }

    @Test
    void useAfterIntervalIsWritten() {
        throttle.tryAcquire("token-1", T0);

        assertThat(throttle.tryAcquire("token-1", T0.plusSeconds(60))).isTrue();
        assertThat(throttle.tryAcquire("token-1", T0.plusSeconds(61))).isFalse();
    }

    @Test
    void tokensAreThrottledSeparately() {
        throttle.tryAcquire("token-1", T0);

        assertThat(throttle.tryAcquire("token-2", T0)).isTrue();
    }

    @Test
    void forgottenTokenIsWrittenAgain() {
        throttle.tryAcquire("token-1", T0);
        throttle.forget("token-1");

        assertThat(throttle.tryAcquire("token-1", T0.plusSeconds(1))).isTrue();
    }

    @Test
    void expiredEntriesArePrunedPastThreshold() {
        for (int i = 0; i < TokenUseThrottle.PRUNE_THRESHOLD; i++) {
            throttle.tryAcquire("token-" + i, T0);
        }

        throttle.tryAcquire("fresh", T0.plus(Duration.ofMinutes(2)));

        assertThat(throttle.size()).isEqualTo(1);
    }
}
