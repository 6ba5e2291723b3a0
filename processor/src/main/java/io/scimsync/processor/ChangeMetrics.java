package io.scimsync.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimsync.schemas.change.OutcomeStatus;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The processor's counters, per tenant: {@code scimsync.changes} by outcome (applied, rejected,
 * held, quarantined, waiting) and {@code scimsync.tenant.pauses}. Prometheus shows them as
 * {@code scimsync_changes_total{tenant="...",outcome="held"}}. Consumer lag comes from the
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

    void paused(String tenantId) {
        registry.counter("scimsync.tenant.pauses", "tenant", tenantId).increment();
    }
}
