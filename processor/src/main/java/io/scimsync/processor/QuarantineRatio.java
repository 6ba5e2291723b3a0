package io.scimsync.processor;

import io.scimsync.store.safeguard.Safeguards;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The share of a tenant's most recent changes that were quarantined, over the tenant's
 * {@code quarantinePauseWindow} changes as this processor saw them. The window is kept in memory:
 * with one processor it is exact; with several, each judges the tenant on the changes of its own
 * partitions, which is the same share in expectation. A restart starts the windows afresh.
 */
@Component
class QuarantineRatio {

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * Records one processed change of the tenant and returns whether the tenant's quarantined
     * share now calls for a pause.
     */
    boolean record(String tenantId, boolean quarantined, Safeguards settings) {
        Window window = windows.compute(tenantId, (id, current) ->
                current == null || current.size != settings.quarantinePauseWindow()
                        ? new Window(settings.quarantinePauseWindow()) : current);
        synchronized (window) {
            window.add(quarantined);
            return window.quarantined >= settings.quarantinePauseMinimum()
                    && window.quarantined > settings.quarantinePauseRatio() * window.filled;
        }
    }

    /** Forgets the tenant's history: an operator resumed it. */
    void reset(String tenantId) {
        windows.remove(tenantId);
    }

    /** A ring of the last {@code size} changes, one bit each: set when quarantined. */
    private static final class Window {

        private final int size;
        private final BitSet bits;
        private int next;
        private int filled;
        private int quarantined;

        Window(int size) {
            this.size = size;
            this.bits = new BitSet(size);
        }

        void add(boolean isQuarantined) {
            if (filled == size && bits.get(next)) {
                quarantined--;
            }
            bits.set(next, isQuarantined);
            if (isQuarantined) {
                quarantined++;
            }
            next = (next + 1) % size;
            filled = Math.min(filled + 1, size);
        }
    }
}
