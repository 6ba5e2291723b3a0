package io.scimsync.store.safeguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SafeguardsTest {

    private static Safeguards withThresholds(Integer threshold, Double percent) {
        return new Safeguards(threshold, percent, Duration.ofMinutes(40), RenamePolicy.ALLOW,
                0.4, 1000, 100, null);
    }

    @Test
    void lowerOfTheTwoLimitsWins() {
        assertThat(withThresholds(500, 10.0).deletionLimit(1000)).isEqualTo(100);
        assertThat(withThresholds(50, 10.0).deletionLimit(1000)).isEqualTo(50);
        assertThat(withThresholds(null, 10.0).deletionLimit(1000)).isEqualTo(100);
        assertThat(withThresholds(7, null).deletionLimit(0)).isEqualTo(7);
    }

    @Test
    void percentageRoundsDown() {
        assertThat(withThresholds(null, 10.0).deletionLimit(19)).isEqualTo(1);
        assertThat(withThresholds(null, 10.0).deletionLimit(9)).isZero();
    }

    @Test
    void noThresholdMeansNoLimit() {
        assertThat(withThresholds(null, null).deletionLimit(1000)).isEqualTo(-1);
        assertThat(withThresholds(null, null).needsUserCount()).isFalse();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        Safeguards defaults = Safeguards.DEFAULTS;

        assertThat(defaults.deletionThreshold()).isEqualTo(500);
        assertThat(defaults.deletionThresholdPercent()).isNull();
        assertThat(defaults.deletionWindow()).isEqualTo(Duration.ofMinutes(40));
        assertThat(defaults.renamePolicy()).isEqualTo(RenamePolicy.ALLOW);
        assertThat(defaults.quarantinePauseRatio()).isEqualTo(0.4);
        assertThat(defaults.quarantinePauseWindow()).isEqualTo(1000);
        assertThat(defaults.quarantinePauseMinimum()).isEqualTo(100);
        assertThat(defaults.notificationUrl()).isNull();
    }

    @Test
    void eachSettingOutOfRangeIsNamed() {
        assertField(() -> withThresholds(-1, null), "deletionThreshold");
        assertField(() -> withThresholds(null, 101.0), "deletionThresholdPercent");
        assertField(() -> withThresholds(null, Double.NaN), "deletionThresholdPercent");
        assertField(() -> new Safeguards(1, null, Duration.ofSeconds(30), RenamePolicy.ALLOW,
                0.4, 1000, 100, null), "deletionWindow");
        assertField(() -> new Safeguards(1, null, Duration.ofDays(2), RenamePolicy.ALLOW,
                0.4, 1000, 100, null), "deletionWindow");
        assertField(() -> new Safeguards(1, null, Duration.ofMinutes(40), null,
                0.4, 1000, 100, null), "renamePolicy");
        assertField(() -> new Safeguards(1, null, Duration.ofMinutes(40), RenamePolicy.ALLOW,
                0, 1000, 100, null), "quarantinePauseRatio");
        assertField(() -> new Safeguards(1, null, Duration.ofMinutes(40), RenamePolicy.ALLOW,
                0.4, 0, 1, null), "quarantinePauseWindow");
        assertField(() -> new Safeguards(1, null, Duration.ofMinutes(40), RenamePolicy.ALLOW,
                0.4, 10, 11, null), "quarantinePauseMinimum");
        assertField(() -> new Safeguards(1, null, Duration.ofMinutes(40), RenamePolicy.ALLOW,
                0.4, 10, 1, "file:///etc/passwd"), "notificationUrl");
        assertField(() -> new Safeguards(1, null, Duration.ofMinutes(40), RenamePolicy.ALLOW,
                0.4, 10, 1, "https://user:secret@hooks.example.test/x"), "notificationUrl");
        assertField(() -> RenamePolicy.fromWireName("ALLOW"), "renamePolicy");
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(InvalidSafeguardException.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }
}
