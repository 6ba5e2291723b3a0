package io.scimsync.standalone.events;

import io.scimsync.schemas.events.IdentityEvent;
import io.scimsync.schemas.events.IdentityEventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A downstream consumer written as the consumer guide (docs/events.md) describes: read
 * committed, keep per key the last sequence seen, skip an event whose sequence is not above it
 * (a duplicate), and flag a gap. It also bootstraps from the compacted state topic.
 */
final class IdentityConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final IdentityEventCodec codec = new IdentityEventCodec();
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final Set<String> seenIds = new HashSet<>();
    private final List<IdentityEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int duplicates;

    IdentityConsumer(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-consumer-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Reads until {@code count} distinct events arrived or {@code timeout} passed. */
    List<IdentityEvent> readEvents(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (events.size() < count && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                codec.decode(record.value()).ifPresent(event -> accept(record.key(), event));
            }
        }
        return List.copyOf(events);
    }

    /** Reads until no record arrived for {@code idle}. */
    List<IdentityEvent> readUntilIdle(Duration idle) {
        Instant quietSince = Instant.now();
        while (Duration.between(quietSince, Instant.now()).compareTo(idle) < 0) {
            var records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                quietSince = Instant.now();
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                codec.decode(record.value()).ifPresent(event -> accept(record.key(), event));
            }
        }
        return List.copyOf(events);
    }

    private void accept(String key, IdentityEvent event) {
        if (!key.equals(event.recordKey())) {
            problems.add("event " + event.id() + " under key " + key + ", not " + event.recordKey());
        }
        long last = lastSequence.getOrDefault(key, 0L);
        if (event.sequence() <= last || !seenIds.add(event.id())) {
            duplicates++;
            return;
        }
        if (event.sequence() != last + 1) {
            problems.add("key " + key + " jumped from sequence " + last + " to " + event.sequence());
        }
        lastSequence.put(key, event.sequence());
        events.add(event);
    }

    /** Gaps and misplaced keys seen so far; empty when the stream kept its contract. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Events skipped because their id or sequence was seen before. */
    int duplicates() {
        return duplicates;
    }

    /**
     * Reads the state topic to its end and returns the latest event of each key, without the
     * tombstoned keys.
     */
    Map<String, IdentityEvent> readState(Duration idle) {
        Map<String, IdentityEvent> state = new LinkedHashMap<>();
        Instant quietSince = Instant.now();
        while (Duration.between(quietSince, Instant.now()).compareTo(idle) < 0) {
            var records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                quietSince = Instant.now();
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.value() == null) {
                    state.remove(record.key());
                } else {
                    Optional<IdentityEvent> event = codec.decode(record.value());
                    event.ifPresent(latest -> state.put(record.key(), latest));
                }
            }
        }
        return state;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
