package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

class LoadPhaseTest {

    private static final long SERVICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @Test
    void fixedRateCountsQueueingAgainstLateWrites() throws InterruptedException {
        // One client, 100 writes/s due, 20 writes/s served: writes fall ever further behind.
        LoadPhase.Result result = new LoadPhase(1, TimeUnit.SECONDS.toNanos(1), 100)
                .run(LoadPhaseTest::slowWrite);

        assertThat(result.acknowledged()).isBetween(5L, 25L);
        assertThat(result.unsent()).isPositive();
        assertThat(result.acknowledged() + result.unsent()).isEqualTo(100);
        assertThat(result.percentileMillis(99)).isGreaterThan(500);
    }

    @Test
    void fixedRatePhaseEndsOnTimeWhenOverloaded() throws InterruptedException {
        long start = System.nanoTime();
        new LoadPhase(1, TimeUnit.SECONDS.toNanos(1), 1000).run(LoadPhaseTest::slowWrite);

        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(3));
    }

    @Test
    void closedLoopMeasuresFromTheSend() throws InterruptedException {
        LoadPhase.Result result = new LoadPhase(2, TimeUnit.SECONDS.toNanos(1), 0)
                .run(LoadPhaseTest::slowWrite);

        assertThat(result.unsent()).isZero();
        assertThat(result.percentileMillis(50)).isBetween(45.0, 400.0);
    }

    @Test
    void exceptionInWriteCountsAsFailure() throws InterruptedException {
        LoadPhase.Result result = new LoadPhase(1, TimeUnit.MILLISECONDS.toNanos(200), 50)
                .run(() -> {
                    throw new IllegalStateException("response is not JSON");
                });

        assertThat(result.failed()).isPositive();
        assertThat(result.acknowledged()).isZero();
    }

    private static boolean slowWrite() {
        LockSupport.parkNanos(SERVICE_NANOS);
        return true;
    }
}
