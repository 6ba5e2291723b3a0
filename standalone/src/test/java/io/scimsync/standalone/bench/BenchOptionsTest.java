package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void noOptionsGiveFullRunDefaults() {
        BenchOptions options = BenchOptions.parse(List.of());

        assertThat(options.quick()).isFalse();
        assertThat(options.target()).isEmpty();
        assertThat(options.report()).isEmpty();
        assertThat(options.users()).isEqualTo(100_000);
        assertThat(options.groups()).isEqualTo(10_000);
        assertThat(options.tenants()).isEqualTo(10);
        assertThat(options.concurrency()).isEqualTo(50);
        assertThat(options.rate()).isEqualTo(500);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void quickScalesSizesDown() {
        BenchOptions options = BenchOptions.parse(List.of("--quick"));

        assertThat(options.quick()).isTrue();
        assertThat(options.users()).isEqualTo(2_000);
        assertThat(options.groups()).isEqualTo(200);
        assertThat(options.tenants()).isEqualTo(4);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void explicitValuesOverrideQuickDefaults() {
        BenchOptions options = BenchOptions.parse(List.of("--quick", "--users", "300",
                "--groups", "30", "--tenants", "3", "--concurrency", "8", "--rate", "0",
                "--duration", "2m", "--report", "out.json"));

        assertThat(options.users()).isEqualTo(300);
        assertThat(options.groups()).isEqualTo(30);
        assertThat(options.tenants()).isEqualTo(3);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.rate()).isZero();
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.report()).contains(Path.of("out.json"));
    }

    @Test
    void durationAcceptsSecondsWithAndWithoutSuffix() {
        assertThat(BenchOptions.parse(List.of("--duration", "7")).duration())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(BenchOptions.parse(List.of("--duration", "7s")).duration())
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void targetKeepsTokensAndDropsTrailingSlash() {
        BenchOptions options = BenchOptions.parse(List.of("--target", "http://127.0.0.1:8080/",
                "--token", "scim_t", "--admin-token", "admin"));

        assertThat(options.target()).contains("http://127.0.0.1:8080");
        assertThat(options.token()).contains("scim_t");
        assertThat(options.adminToken()).contains("admin");
    }

    @Test
    void targetWithoutAdminTokenIsRejected() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--target", "http://127.0.0.1:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--admin-token");
    }

    @Test
    void targetWithoutSchemeIsRejected() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--target", "127.0.0.1:8080",
                "--admin-token", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'127.0.0.1:8080'");
    }

    @Test
    void unknownOptionIsRejectedWithUsage() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'--fast'")
                .hasMessageContaining("Usage:");
    }

    @Test
    void missingValueIsRejected() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--users")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing value after --users");
    }

    @Test
    void invalidNumbersAreRejected() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--users", "many")))
                .hasMessageContaining("Invalid --users 'many'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--concurrency", "0")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "-1")))
                .hasMessageContaining("at least 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--duration", "0")))
                .hasMessageContaining("Invalid --duration '0'");
    }

    @Test
    void moreGroupsThanUsersIsRejected() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--users", "5", "--groups", "6")))
                .hasMessageContaining("--groups 6 is more than --users 5");
    }

    @Test
    void moreTenantsThanGroupsIsRejected() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--users", "50", "--groups", "2",
                "--tenants", "3")))
                .hasMessageContaining("--tenants 3 is more than --groups 2");
    }

    @Test
    void reportEntriesLeaveTokensOut() {
        BenchOptions options = BenchOptions.parse(List.of("--target", "http://127.0.0.1:1",
                "--token", "scim_secret", "--admin-token", "admin_secret"));

        assertThat(options.asReportEntries().toString())
                .doesNotContain("scim_secret")
                .doesNotContain("admin_secret");
    }

    @Test
    void helpIsReportedWithUsage() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--quick", "--help")))
                .isInstanceOf(BenchOptions.HelpRequested.class)
                .hasMessageContaining("--concurrency N");
    }
}
