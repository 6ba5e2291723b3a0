package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.scimsync.standalone.bench.FaultSchedule.Kind;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    private static final Kind P = Kind.PROCESSOR_KILL;
    private static final Kind B = Kind.BROKER_RESTART;
    private static final Kind S = Kind.STORE_RESTART;
    private static final Kind I = Kind.INGRESS_KILL;

    @Test
    void fullRunSpreadsRestartsBetweenProcessorKills() {
        List<Kind> order = FaultSchedule.of(FaultOptions.parse(List.of())).order();

        assertThat(order).containsExactly(P, P, B, P, P, S, P, I, P, B, P, S, P, B, P, S, P);
    }

    @Test
    void quickRunHasOneOfEachRestart() {
        List<Kind> order = FaultSchedule.of(FaultOptions.parse(List.of("--quick"))).order();

        assertThat(order).containsExactly(P, B, P, S, P, I);
    }

    @Test
    void noProcessorKillsLeavesOtherFaultsInTurn() {
        List<Kind> order = FaultSchedule.of(FaultOptions.parse(List.of("--processor-kills",
                "0", "--broker-restarts", "2", "--store-restarts", "1", "--ingress-kills", "0")))
                .order();

        assertThat(order).containsExactly(B, S, B);
    }

    @Test
    void onlyProcessorKills() {
        List<Kind> order = FaultSchedule.of(FaultOptions.parse(List.of("--processor-kills",
                "2", "--broker-restarts", "0", "--store-restarts", "0", "--ingress-kills", "0")))
                .order();

        assertThat(order).containsExactly(P, P);
    }
}
