package io.scimsync.processor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the processor, {@code scimsync.processor.*}.
 *
 * @param groupId the consumer group of all processor replicas
 * @param concurrency consumer threads per processor replica, each owning some partitions
 * @param maxBatch the most changes taken in one poll and made durable together
 * @param instanceId a name for this replica that stays the same across its restarts, for Kafka's
 *     static group membership: a replica restarted after a crash gets its partitions back at once
 *     instead of after the session timeout; empty means dynamic membership
 */
@ConfigurationProperties("scimsync.processor")
public record ProcessorProperties(
        @DefaultValue("scimsync-processor") String groupId,
        @DefaultValue("2") int concurrency,
        @DefaultValue("200") int maxBatch,
        String instanceId) {
}
