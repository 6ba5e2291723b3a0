package io.scimsync.standalone.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The faults of one run, spread out so that each kind of restart falls between processor
 * kills, and their execution against a {@link SplitDeployment} under load. Broker and store
 * restarts alternate a graceful stop (SIGTERM) and a crash (SIGKILL), starting with SIGTERM;
 * processor and ingress faults are always SIGKILL.
 */
final class FaultSchedule {

    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    /** A kind of fault. */
    enum Kind { PROCESSOR_KILL, BROKER_RESTART, STORE_RESTART, INGRESS_KILL }

    /**
     * One fault as it happened.
     *
     * @param atSeconds when the signal was sent, counted from the start of the load
     * @param recoverySeconds from the signal until the process and those that depend on it
     *     reported UP again
     * @param inFlight requests the killed ingress replica was handling when it was killed, -1
     *     for other faults
     */
    record Result(Kind kind, String process, String signal, double atSeconds,
            double recoverySeconds, int inFlight) {
    }

    private final List<Kind> order;

    FaultSchedule(List<Kind> order) {
        this.order = List.copyOf(order);
    }

    /**
     * Builds the order of {@code options}' faults: the broker, store and ingress faults in
     * turn, each followed by a share of the processor kills.
     */
    static FaultSchedule of(FaultOptions options) {
        List<Kind> others = new ArrayList<>();
        int rounds = Math.max(options.brokerRestarts(),
                Math.max(options.storeRestarts(), options.ingressKills()));
        for (int round = 0; round < rounds; round++) {
            addIf(others, Kind.BROKER_RESTART, round < options.brokerRestarts());
            addIf(others, Kind.STORE_RESTART, round < options.storeRestarts());
            addIf(others, Kind.INGRESS_KILL, round < options.ingressKills());
        }
        List<Kind> order = new ArrayList<>();
        int kills = options.processorKills();
        int slots = others.size() + 1;
        for (int slot = 0; slot < slots; slot++) {
            int share = kills / slots + (slot < kills % slots ? 1 : 0);
            for (int i = 0; i < share; i++) {
                order.add(Kind.PROCESSOR_KILL);
            }
            if (slot < others.size()) {
                order.add(others.get(slot));
            }
        }
        return new FaultSchedule(order);
    }

    List<Kind> order() {
        return order;
    }

    /**
     * Runs the faults one after the other, with {@code interval} of load before the first and
     * after each one.
     */
    List<Result> run(SplitDeployment deployment, FaultLoad load, Duration interval,
            PrintStream out) throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        List<Result> results = new ArrayList<>();
        int brokerRestarts = 0;
        int storeRestarts = 0;
        int ingressKills = 0;
        TimeUnit.MILLISECONDS.sleep(interval.toMillis());
        for (Kind kind : order) {
            Result result = switch (kind) {
                case PROCESSOR_KILL -> restart(deployment, deployment.processor(), true, kind,
                        startNanos, -1);
                case BROKER_RESTART -> restart(deployment, deployment.broker(),
                        brokerRestarts++ % 2 == 1, kind, startNanos, -1);
                case STORE_RESTART -> restart(deployment, deployment.store(),
                        storeRestarts++ % 2 == 1, kind, startNanos, -1);
                case INGRESS_KILL -> killIngressMidRequest(deployment, load,
                        ingressKills++ % deployment.ingresses().size(), startNanos);
            };
            out.printf("  %-15s %-9s %-7s at %6.1f s, UP again after %5.1f s%n", kind,
                    result.process(), result.signal(), result.atSeconds(),
                    result.recoverySeconds());
            results.add(result);
            TimeUnit.MILLISECONDS.sleep(interval.toMillis());
        }
        return results;
    }

    private static Result restart(SplitDeployment deployment, ComponentProcess process,
            boolean kill, Kind kind, long startNanos, int inFlight)
            throws IOException, InterruptedException {
        double at = seconds(System.nanoTime() - startNanos);
        Duration recovery = deployment.restart(process, kill);
        return new Result(kind, process.name(), kill ? "SIGKILL" : "SIGTERM", at,
                seconds(recovery.toNanos()), inFlight);
    }

    /**
     * Kills replica {@code index} as soon as it is handling a request, or after
     * {@link #IN_FLIGHT_WAIT} if none arrives.
     */
    private static Result killIngressMidRequest(SplitDeployment deployment, FaultLoad load,
            int index, long startNanos) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        int inFlight = load.inFlight(index);
        while (inFlight == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            inFlight = load.inFlight(index);
        }
        return restart(deployment, deployment.ingresses().get(index), true, Kind.INGRESS_KILL,
                startNanos, inFlight);
    }

    private static void addIf(List<Kind> kinds, Kind kind, boolean condition) {
        if (condition) {
            kinds.add(kind);
        }
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }
}
