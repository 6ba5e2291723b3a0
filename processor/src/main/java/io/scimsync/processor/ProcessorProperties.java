package io.scimsync.processor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the processor, {@code scimsync.processor.*}.
 *
 * @param groupId the consumer group of all processor replicas
 * @param concurrency consumer threads per processor replica, each owning some partitions
 * @param maxBatch the most changes taken in one poll and made durable together
 */
@ConfigurationProperties("scimsync.processor")
public record ProcessorProperties(
        @DefaultValue("scimsync-processor") String groupId,
        @DefaultValue("2") int concurrency,
        @DefaultValue("200") int maxBatch) {
}
