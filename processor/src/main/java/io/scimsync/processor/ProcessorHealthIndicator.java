package io.scimsync.processor;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * UP once the changes listener runs and owns at least one partition of the changes topic, which
 * is when changes start being applied.
 */
@Component("processor")
class ProcessorHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry registry;

    ProcessorHealthIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        MessageListenerContainer container =
                registry.getListenerContainer(ProcessorConfiguration.LISTENER_ID);
        if (container == null || !container.isRunning()) {
            return Health.down().withDetail("listener", "not running").build();
        }
        var partitions = container.getAssignedPartitions();
        int assigned = partitions == null ? 0 : partitions.size();
        Health.Builder health = assigned > 0 ? Health.up() : Health.down();
        return health.withDetail("assignedPartitions", assigned).build();
    }
}
