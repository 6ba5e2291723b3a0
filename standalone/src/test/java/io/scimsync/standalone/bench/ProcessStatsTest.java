package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    private static final long OWN_PID = ProcessHandle.current().pid();

    @Test
    void ownCpuTimeIsPositive() {
        assertThat(ProcessStats.cpuSeconds(OWN_PID)).isPresent();
        assertThat(ProcessStats.cpuSeconds(OWN_PID).getAsDouble()).isPositive();
    }

    @Test
    void ownResidentMemoryIsPlausible() {
        assertThat(ProcessStats.residentMegabytes(OWN_PID)).isPresent();
        assertThat(ProcessStats.residentMegabytes(OWN_PID).getAsDouble()).isBetween(10.0, 65_536.0);
    }

    @Test
    void missingProcessIsEmpty() {
        assertThat(ProcessStats.cpuSeconds(Long.MAX_VALUE)).isEmpty();
        assertThat(ProcessStats.residentMegabytes(Long.MAX_VALUE)).isEmpty();
    }
}
