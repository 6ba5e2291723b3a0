package io.scimsync.store.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how often this process writes a token's last use: at most once per interval per token.
 * Thread-safe. The map contains one entry per recently used token and drops entries older than
 * the interval once it grows past {@link #PRUNE_THRESHOLD}.
 */
final class TokenUseThrottle {

    static final int PRUNE_THRESHOLD = 10_000;

    private final Duration interval;
    private final Map<String, Instant> lastWrites = new ConcurrentHashMap<>();

    TokenUseThrottle(Duration interval) {
        this.interval = interval;
    }

    /** Claims the write for {@code tokenId} at {@code when}; false if one is not yet due. */
    boolean tryAcquire(String tokenId, Instant when) {
        Instant previous = lastWrites.get(tokenId);
        if (previous != null && when.isBefore(previous.plus(interval))) {
            return false;
        }
        pruneIfLarge(when);
        return previous == null
                ? lastWrites.putIfAbsent(tokenId, when) == null
                : lastWrites.replace(tokenId, previous, when);
    }

    void forget(String tokenId) {
        lastWrites.remove(tokenId);
    }

    int size() {
        return lastWrites.size();
    }

    private void pruneIfLarge(Instant now) {
        if (lastWrites.size() >= PRUNE_THRESHOLD) {
            Instant cutoff = now.minus(interval);
            lastWrites.values().removeIf(written -> written.isBefore(cutoff));
        }
    }
}
