package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the fault test's requests by their result. The classes are a 2xx, a 503
 * (retryable), a refused connection (the replica was down, so the request never reached it), a
 * connection lost mid-request (the replica was killed while it handled the request), and any
 * other status. Only the last class is a failure of the service, and the start of each such
 * body is kept as a sample.
 */
final class FaultAnswers {

    private static final int MAX_SAMPLES = 5;
    private static final int MAX_SAMPLE_LENGTH = 300;

    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder retryable = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Map<Integer, Long> unexpected = new TreeMap<>();
    private final List<String> samples = new ArrayList<>();

    /** The class of one request's result. */
    enum Kind { ACKNOWLEDGED, RETRYABLE, REFUSED, DROPPED, UNEXPECTED }

    /** Classifies {@code response} and counts it. */
    Kind record(BenchHttp.Response response) {
        Kind kind = classify(response);
        switch (kind) {
            case ACKNOWLEDGED -> acknowledged.increment();
            case RETRYABLE -> retryable.increment();
            case REFUSED -> refused.increment();
            case DROPPED -> dropped.increment();
            case UNEXPECTED -> recordUnexpected(response);
        }
        return kind;
    }

    static Kind classify(BenchHttp.Response response) {
        if (response.isSuccess()) {
            return Kind.ACKNOWLEDGED;
        }
        if (response.status() == 503) {
            return Kind.RETRYABLE;
        }
        if (response.status() == 0) {
            return response.body().startsWith(java.net.ConnectException.class.getName())
                    ? Kind.REFUSED : Kind.DROPPED;
        }
        return Kind.UNEXPECTED;
    }

    private synchronized void recordUnexpected(BenchHttp.Response response) {
        unexpected.merge(response.status(), 1L, Long::sum);
        if (samples.size() < MAX_SAMPLES) {
            String body = response.body();
            samples.add(response.status() + " "
                    + body.substring(0, Math.min(body.length(), MAX_SAMPLE_LENGTH)));
        }
    }

    long acknowledged() {
        return acknowledged.sum();
    }

    long retryable() {
        return retryable.sum();
    }

    long refused() {
        return refused.sum();
    }

    long dropped() {
        return dropped.sum();
    }

    synchronized long unexpectedTotal() {
        return unexpected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Returns the count of unexpected responses by status. */
    synchronized Map<Integer, Long> unexpected() {
        return new TreeMap<>(unexpected);
    }

    synchronized List<String> samples() {
        return List.copyOf(samples);
    }
}
