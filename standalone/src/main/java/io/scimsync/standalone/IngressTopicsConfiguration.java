package io.scimsync.standalone;

import io.scimsync.processor.TopicProperties;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The processor's topics, declared by a process that runs the ingress without the processor.
 * Without them, the ingress's first publish or subscription makes the broker create each topic
 * with its default partition count, and the changes topic cannot be repartitioned later without
 * breaking per-resource order. The declarations match those of the processor, so whichever
 * process starts first creates the same topics. Imported by {@link PipelineComponentsSelector};
 * it carries no {@code @Configuration}, so the component scan does not add it regardless.
 */
@EnableConfigurationProperties(TopicProperties.class)
class IngressTopicsConfiguration {

    @Bean
    NewTopic changesTopic(TopicProperties topics) {
        return TopicBuilder.name(topics.changes())
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .build();
    }

    /** Outcomes are read within seconds of being written, so they are kept for one hour only. */
    @Bean
    NewTopic outcomesTopic(TopicProperties topics) {
        return TopicBuilder.name(topics.outcomes())
                .partitions(topics.outcomePartitions())
                .replicas(topics.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "3600000")
                .build();
    }
}
