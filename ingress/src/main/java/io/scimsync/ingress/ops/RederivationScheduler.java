package io.scimsync.ingress.ops;

import io.scimsync.store.profile.ProfileRederivation;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the re-derivations of tenants' profiles in the background, on a bounded executor of
 * {@link #THREADS} threads and at most {@link #MAX_QUEUED} waiting tenants. A tenant is queued at
 * most once: a queued run reads the tenant's mapping when it starts, so it serves every mapping
 * change made while it waited. A run that is under way when its mapping changes stops at its next
 * page and leaves the tenant to the run queued for the newer mapping.
 */
@Component
public class RederivationScheduler implements DisposableBean {

    static final int THREADS = 2;
    static final int MAX_QUEUED = 100;
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(RederivationScheduler.class);

    private final ProfileRederivation rederivation;
    private final Set<String> queuedTenants = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS,
            0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_QUEUED), threadFactory());

    public RederivationScheduler(ProfileRederivation rederivation) {
        this.rederivation = rederivation;
    }

    /**
     * Queues a re-derivation of the tenant's profiles with its current mapping.
     *
     * @return false when {@link #MAX_QUEUED} tenants are waiting already, so nothing was queued
     */
    public boolean start(String tenantId) {
        if (!queuedTenants.add(tenantId)) {
            return true;
        }
        try {
            executor.execute(() -> run(tenantId));
            return true;
        } catch (RejectedExecutionException e) {
            queuedTenants.remove(tenantId);
            log.warn("Re-derivation of tenant {} not queued: {} tenants are waiting", tenantId,
                    MAX_QUEUED);
            return false;
        }
    }

    private void run(String tenantId) {
        queuedTenants.remove(tenantId);
        try {
            rederivation.run(tenantId);
        } catch (RuntimeException e) {
            log.error("Re-derivation of tenant {} failed; its progress stays as last saved, and"
                    + " storing the mapping again starts a new run", tenantId, e);
        }
    }

    /** Interrupts running re-derivations, which save their progress and stop, and waits for them. */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
            log.warn("Re-derivations still running {} s after shutdown began",
                    SHUTDOWN_WAIT_SECONDS);
        }
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "profile-rederivation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
