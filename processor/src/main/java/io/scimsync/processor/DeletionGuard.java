package io.scimsync.processor;

import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.safeguard.SafeguardStore;
import io.scimsync.store.safeguard.Safeguards;
import io.scimsync.store.safeguard.TenantControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The accidental-deletion threshold: counts a tenant's disables and deletes over its window and
 * makes the processor hold the one that would push the count past the limit, and every one
 * after it while the tenant is holding. The count lives in the store, so processors of different
 * partitions count one tenant together.
 */
@Component
class DeletionGuard {

    /** How long a tenant's number of users is reused for a percentage threshold. */
    static final Duration USER_COUNT_TTL = Duration.ofMinutes(1);

    private final SafeguardStore safeguards;
    private final ResourceStore resources;
    private final Clock clock;
    private final Map<String, CachedCount> userCounts = new ConcurrentHashMap<>();

    @Autowired
    DeletionGuard(SafeguardStore safeguards, ResourceStore resources) {
        this(safeguards, resources, Clock.systemUTC());
    }

    DeletionGuard(SafeguardStore safeguards, ResourceStore resources, Clock clock) {
        this.safeguards = safeguards;
        this.resources = resources;
        this.clock = clock;
    }

    /** The decision about one disable or delete. */
    enum Verdict {
        APPLY,
        /** Hold it; the tenant was holding already. */
        HOLD,
        /** Hold it; it is the one that crossed the threshold, and the tenant now holds. */
        HOLD_CROSSED
    }

    Verdict judge(TenantControl control) {
        if (control.holding()) {
            return Verdict.HOLD;
        }
        Safeguards settings = control.safeguards();
        long limit = settings.deletionLimit(
                settings.needsUserCount() ? userCount(control.tenantId()) : 0);
        if (limit < 0) {
            return Verdict.APPLY;
        }
        long counted = safeguards.countDeletion(
                control.tenantId(), clock.instant(), settings.deletionWindow());
        if (counted <= limit) {
            return Verdict.APPLY;
        }
        safeguards.setHolding(control.tenantId(), true);
        return Verdict.HOLD_CROSSED;
    }

    private long userCount(String tenantId) {
        Instant now = clock.instant();
        CachedCount cached = userCounts.get(tenantId);
        if (cached == null || cached.expires().isBefore(now)) {
            cached = new CachedCount(resources.countUsers(tenantId),
                    now.plus(USER_COUNT_TTL));
            userCounts.put(tenantId, cached);
        }
        return cached.count();
    }

    private record CachedCount(long count, Instant expires) {
    }
}
