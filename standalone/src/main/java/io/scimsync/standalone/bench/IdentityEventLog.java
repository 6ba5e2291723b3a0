package io.scimsync.standalone.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * The identity change events of one tenant, read from the beginning of the events topic to its
 * end with {@code isolation.level=read_committed}, as a downstream consumer reads them. Records
 * of one key share a partition, so the lists keep each key's order.
 */
final class IdentityEventLog {

    static final String TOPIC = "identity.changes";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Map<String, List<JsonNode>> userEvents = new HashMap<>();
    private final Map<String, List<JsonNode>> groupEvents = new HashMap<>();

    /**
     * Reads every committed event of {@code tenantId}.
     *
     * @throws IllegalStateException when the end of the topic is not reached within 2 minutes
     */
    static IdentityEventLog read(String bootstrapServers, String tenantId) {
        IdentityEventLog log = new IdentityEventLog();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties(
                bootstrapServers))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The end of " + TOPIC + " " + end
                            + " was not reached within " + TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    log.add(tenantId, record);
                }
            }
        }
        return log;
    }

    /** Returns the events under the key of user {@code id}, in order. */
    List<JsonNode> user(String id) {
        return userEvents.getOrDefault(id, List.of());
    }

    /** Returns the events under the key of group {@code id}, in order. */
    List<JsonNode> group(String id) {
        return groupEvents.getOrDefault(id, List.of());
    }

    private void add(String tenantId, ConsumerRecord<String, String> record) {
        String[] key = record.key() == null ? new String[0] : record.key().split("/", 3);
        if (key.length != 3 || !key[0].equals(tenantId) || record.value() == null) {
            return;
        }
        JsonNode event = BenchHttp.JSON.readTree(record.value());
        Map<String, List<JsonNode>> byId = key[1].equals("User") ? userEvents : groupEvents;
        byId.computeIfAbsent(key[2], id -> new ArrayList<>()).add(event);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer,
            Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Properties properties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName());
        return properties;
    }
}
