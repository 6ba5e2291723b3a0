package io.scimsync.ingress.publish;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * UP once this replica reads the outcomes topic, which is when a write can get its outcome
 * instead of timing out.
 */
@Component("ingress")
class IngressHealthIndicator implements HealthIndicator {

    private final ConcurrentMessageListenerContainer<String, byte[]> outcomeContainer;

    IngressHealthIndicator(ConcurrentMessageListenerContainer<String, byte[]> outcomeContainer) {
        this.outcomeContainer = outcomeContainer;
    }

    @Override
    public Health health() {
        var partitions = outcomeContainer.getAssignedPartitions();
        int assigned = partitions == null ? 0 : partitions.size();
        Health.Builder health = outcomeContainer.isRunning() && assigned > 0
                ? Health.up() : Health.down();
        return health.withDetail("outcomePartitions", assigned).build();
    }
}
