package io.scimsync.ingress.ops;

import io.scimsync.ingress.IngressTopicProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How many records of the changes topic the processors' consumer group has not processed yet:
 * the sum over partitions of the end offset minus the committed offset. Kafka does not index
 * records by tenant, so the figure covers every tenant sharing the topic.
 */
@Component
class ProcessorLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorLag.class);
    private static final long TIMEOUT_SECONDS = 3;

    private final KafkaAdmin kafkaAdmin;
    private final String topic;
    private final String groupId;
    private AdminClient client;

    ProcessorLag(KafkaAdmin kafkaAdmin, IngressTopicProperties topics,
            @Value("${scimsync.processor.group-id:scimsync-processor}") String groupId) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = topics.changes();
        this.groupId = groupId;
    }

    /** The unprocessed records, or empty when the broker does not answer in time. */
    OptionalLong records() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = client().listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            client().describeTopics(java.util.List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(info -> latest.put(new TopicPartition(topic, info.partition()),
                            OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client()
                    .listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                lag += end.getValue().offset() - (position == null ? 0 : position.offset());
            }
            return OptionalLong.of(Math.max(0, lag));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (Exception e) {
            log.warn("Processor lag unknown: {}", e.toString());
            return OptionalLong.empty();
        }
    }

    private synchronized AdminClient client() {
        if (client == null) {
            client = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        }
        return client;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
