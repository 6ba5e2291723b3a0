package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One measured phase of writes by {@code concurrency} client threads, with the response latency
 * of every write in an HdrHistogram (microseconds, 3 significant digits).
 *
 * <p>At a fixed rate the phase is open-loop: write {@code i} is due at {@code start + i / rate},
 * and its latency runs from that due time, not from the moment a client got to send it. A
 * slow response therefore counts against every write that waited behind it, instead of hiding
 * them (coordinated omission). At rate 0 each client sends its next write as soon as the
 * previous one gets its response, and latency runs from the send.
 *
 * <p>No write is sent after the phase's end. A write that fell due before the end but found no
 * free client by then is not sent and is recorded with the time from its due time to the end,
 * a lower bound of the latency it would have had, so an overloaded endpoint cannot make the
 * phase run on for minutes nor hide its backlog.
 */
final class LoadPhase {

    private static final long MAX_LATENCY_MICROS = TimeUnit.HOURS.toMicros(1);

    /**
     * What a phase measured.
     *
     * @param latency response latencies in microseconds
     * @param acknowledged writes whose response had a success status
     * @param failed writes with another status or no response
     * @param unsent writes that fell due at the fixed rate but were not sent by the end
     * @param seconds the phase's length
     */
    record Result(Histogram latency, long acknowledged, long failed, long unsent,
            double seconds) {

        double writesPerSecond() {
            return acknowledged / seconds;
        }

        double percentileMillis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final int concurrency;
    private final long durationNanos;
    private final int rate;

    LoadPhase(int concurrency, long durationNanos, int rate) {
        this.concurrency = concurrency;
        this.durationNanos = durationNanos;
        this.rate = rate;
    }

    Result run(BooleanSupplier write) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong unsent = new AtomicLong();
        AtomicLong nextSlot = new AtomicLong();
        long start = System.nanoTime();
        long end = start + durationNanos;
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread client = new Thread(() -> {
                while (true) {
                    long due = rate > 0 ? start + nextSlot.getAndIncrement() * 1_000_000_000L / rate
                            : System.nanoTime();
                    if (due >= end) {
                        return;
                    }
                    long now = System.nanoTime();
                    if (now >= end) {
                        latency.recordValue(Math.min(MAX_LATENCY_MICROS, (now - due) / 1000));
                        unsent.incrementAndGet();
                        continue;
                    }
                    waitUntil(due);
                    boolean ok = writeCounted(write);
                    latency.recordValue(Math.min(MAX_LATENCY_MICROS,
                            (System.nanoTime() - due) / 1000));
                    (ok ? acknowledged : failed).incrementAndGet();
                }
            }, "bench-client-" + i);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        return new Result(latency, acknowledged.get(), failed.get(), unsent.get(),
                (System.nanoTime() - start) / 1e9);
    }

    /** Runs one write; an exception in it (a response that is not JSON) counts as a failure. */
    private static boolean writeCounted(BooleanSupplier write) {
        try {
            return write.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void waitUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
