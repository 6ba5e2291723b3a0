package io.scimsync.processor;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * UP once the changes listener runs, owns at least one partition of the changes topic and has
 * opened its first Kafka transaction, which is when changes start being applied without delay.
 */
@Component("processor")
class ProcessorHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry registry;
    private final TransactionWarmUp warmUp;

    ProcessorHealthIndicator(KafkaListenerEndpointRegistry registry, TransactionWarmUp warmUp) {
        this.registry = registry;
        this.warmUp = warmUp;
    }

    @Override
    public Health health() {
        MessageListenerContainer container =
                registry.getListenerContainer(ProcessorConfiguration.LISTENER_ID);
        if (container == null || !container.isRunning()) {
            return Health.down().withDetail("listener", "not running").build();
        }
        // NOTE: UP once any consumer thread owns partitions, even while another one is still
        // fetching its committed offsets.
        var partitions = container.getAssignedPartitions();
        int assigned = partitions == null ? 0 : partitions.size();
        Health.Builder health = assigned > 0 && warmUp.isReady() ? Health.up() : Health.down();
        return health.withDetail("assignedPartitions", assigned)
                .withDetail("transactions", warmUp.isReady() ? "ready" : "not ready").build();
    }
}
