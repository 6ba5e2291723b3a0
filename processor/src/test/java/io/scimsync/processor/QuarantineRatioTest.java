package io.scimsync.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.store.safeguard.RenamePolicy;
import io.scimsync.store.safeguard.Safeguards;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuarantineRatioTest {

    private final QuarantineRatio ratio = new QuarantineRatio();

    private static Safeguards pauseAt(double share, int window, int minimum) {
        return new Safeguards(500, null, Duration.ofMinutes(40), RenamePolicy.ALLOW, share,
                window, minimum, null);
    }

    @Test
    void notEvaluatedBeforeTheMinimumHasFailed() {
        Safeguards settings = pauseAt(0.4, 10, 3);

        assertThat(ratio.record("t-1", true, settings)).isFalse();
        assertThat(ratio.record("t-1", true, settings)).isFalse();
        assertThat(ratio.record("t-1", true, settings)).isTrue();
    }

    @Test
    void pausesOnlyAboveTheShare() {
        Safeguards settings = pauseAt(0.5, 4, 1);

        assertThat(ratio.record("t-1", false, settings)).isFalse();
        assertThat(ratio.record("t-1", true, settings)).isFalse();
        assertThat(ratio.record("t-1", true, settings)).isTrue();
    }

    @Test
    void oldChangesLeaveTheWindow() {
        Safeguards settings = pauseAt(0.5, 4, 2);
        ratio.record("t-1", true, settings);
        ratio.record("t-1", true, settings);
        ratio.record("t-1", false, settings);
        ratio.record("t-1", false, settings);
        ratio.record("t-1", false, settings);

        // The window now holds one quarantined change of four: below the minimum of two.
        assertThat(ratio.record("t-1", false, settings)).isFalse();
        assertThat(ratio.record("t-1", true, settings)).isFalse();
        assertThat(ratio.record("t-1", true, settings)).isFalse();
        assertThat(ratio.record("t-1", true, settings)).isTrue();
    }

    @Test
    void tenantsAreCountedApartAndResetForgets() {
        Safeguards settings = pauseAt(0.4, 10, 2);
        ratio.record("t-1", true, settings);
        ratio.record("t-2", true, settings);

        ratio.reset("t-1");

        assertThat(ratio.record("t-1", true, settings)).isFalse();
        assertThat(ratio.record("t-2", true, settings)).isTrue();
    }
}
