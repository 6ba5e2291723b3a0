package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultOptionsTest {

    @Test
    void noOptionsGiveFullRunFaults() {
        FaultOptions options = FaultOptions.parse(List.of());

        assertThat(options.quick()).isFalse();
        assertThat(options.processorKills()).isEqualTo(10);
        assertThat(options.brokerRestarts()).isEqualTo(3);
        assertThat(options.storeRestarts()).isEqualTo(3);
        assertThat(options.ingressKills()).isEqualTo(1);
        assertThat(options.users()).isEqualTo(200);
        assertThat(options.writers()).isEqualTo(16);
        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.keep()).isFalse();
    }

    @Test
    void quickRunsFewerFaults() {
        FaultOptions options = FaultOptions.parse(List.of("--quick"));

        assertThat(options.processorKills()).isEqualTo(3);
        assertThat(options.brokerRestarts()).isEqualTo(1);
        assertThat(options.storeRestarts()).isEqualTo(1);
        assertThat(options.ingressKills()).isEqualTo(1);
        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void explicitValuesOverrideDefaults() {
        FaultOptions options = FaultOptions.parse(List.of("--quick", "--users", "30",
                "--writers", "3", "--rate", "20", "--processor-kills", "0",
                "--broker-restarts", "2", "--store-restarts", "4", "--ingress-kills", "2",
                "--interval", "1m", "--report", "faults.json", "--keep"));

        assertThat(options.users()).isEqualTo(30);
        assertThat(options.writers()).isEqualTo(3);
        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.processorKills()).isZero();
        assertThat(options.brokerRestarts()).isEqualTo(2);
        assertThat(options.storeRestarts()).isEqualTo(4);
        assertThat(options.ingressKills()).isEqualTo(2);
        assertThat(options.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.report()).contains(Path.of("faults.json"));
        assertThat(options.keep()).isTrue();
    }

    @Test
    void moreWritersThanUsersRejected() {
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--users", "4", "--writers", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--writers 5 is more than --users 4");
    }

    @Test
    void invalidValuesNameTheOption() {
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--rate", "0")))
                .hasMessageContaining("Invalid --rate '0'");
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--processor-kills", "-1")))
                .hasMessageContaining("Invalid --processor-kills '-1'");
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--interval", "soon")))
                .hasMessageContaining("Invalid --interval 'soon'");
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--users")))
                .hasMessageContaining("Missing value after --users");
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--target", "x")))
                .hasMessageContaining("Unknown option '--target'");
    }

    @Test
    void helpRequested() {
        assertThatThrownBy(() -> FaultOptions.parse(List.of("--help")))
                .isInstanceOf(BenchOptions.HelpRequested.class);
    }
}
