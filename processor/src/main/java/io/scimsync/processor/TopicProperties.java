package io.scimsync.processor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics the processor reads and writes, {@code scimsync.topics.*}. The processor creates
 * them when they are missing.
 *
 * @param partitions partitions of the changes topic; changing it later moves resources to other
 *     partitions and breaks their order, so set it once
 * @param replicas replication factor of the topics (1 for the embedded single broker)
 * @param identityChanges the identity change events for downstream services, with as many
 *     partitions as the changes topic
 * @param identityState the compacted topic with the latest event of every key
 */
@ConfigurationProperties("scimsync.topics")
public record TopicProperties(
        @DefaultValue("scim.changes") String changes,
        @DefaultValue("scim.outcomes") String outcomes,
        @DefaultValue("6") int partitions,
        @DefaultValue("3") int outcomePartitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("identity.changes") String identityChanges,
        @DefaultValue("identity.state") String identityState) {
}
