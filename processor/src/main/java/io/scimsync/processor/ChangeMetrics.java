package io.scimsync.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimsync.schemas.change.OutcomeStatus;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The processor's counters, per tenant: {@code scimsync.changes} by outcome (applied, rejected,
 * held, quarantined, waiting) and {@code scimsync.tenant.pauses}. Prometheus shows them as
 * {@code scimsync_changes_total{tenant="...",outcome="held"}}; {@code scimsync.apply.lag} times
 * each applied change from its append to Kafka. Consumer lag comes from the
 * Kafka client's own metrics ({@code kafka_consumer_fetch_manager_records_lag}).
 */
@Component
class ChangeMetrics {

    private final MeterRegistry registry;

    ChangeMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    void outcome(String tenantId, OutcomeStatus status) {
        registry.counter("scimsync.changes", "tenant", tenantId,
                "outcome", status.name().toLowerCase(Locale.ROOT)).increment();
    }

    /**
     * Records the time from a change's append to the changes topic (its record timestamp) to
     * the end of its store write, as {@code scimsync.apply.lag} with p50 and p99.
     */
    void applyLag(long appendedAtMillis) {
        long lag = Math.max(0, System.currentTimeMillis() - appendedAtMillis);
        Timer.builder("scimsync.apply.lag")
                .description("from a change's append to Kafka to its store write")
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(Duration.ofMillis(lag));
    }

    /**
     * Counts an operator's decision about a set-aside change, as {@code scimsync.decisions} with
     * {@code decision} approved, rejected, replayed or discarded.
     */
    void decision(String tenantId, String decision) {
        registry.counter("scimsync.decisions", "tenant", tenantId, "decision", decision).increment();
    }

    void paused(String tenantId) {
        registry.counter("scimsync.tenant.pauses", "tenant", tenantId).increment();
    }
}
