package io.scimsync.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKafkaBrokerIT {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBrokerIT.class);
    private static final String TOPIC = "embedded.broker.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0);
        timedStart(broker, "first start, formats the log directory");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    @Order(1)
    void brokerListensOnLoopbackFreePort() {
        assertThat(broker.port()).isPositive();
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
    }

    @Test
    @Order(2)
    void idempotentProducerRecordIsReadBack() throws Exception {
        createTopic();
        RecordMetadata sent = send("tenant-a/User/1", "created");

        List<ConsumerRecord<String, String>> records = readAll("first-reader", 1);

        assertThat(sent.offset()).isZero();
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("tenant-a/User/1");
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("created");
    }

    @Test
    @Order(3)
    void restartOnSameDirectoryKeepsRecord() throws Exception {
        int portBefore = broker.port();
        broker.close();
        broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), portBefore);
        timedStart(broker, "restart on the existing log directory");

        List<ConsumerRecord<String, String>> records = readAll("second-reader", 1);

        assertThat(broker.port()).isEqualTo(portBefore);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("created");
    }

    @Test
    @Order(4)
    void restartKeepsCommittedGroupOffset() throws Exception {
        assertThat(committedOffset("first-reader")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void restartedBrokerAcceptsNewRecords() throws Exception {
        RecordMetadata sent = send("tenant-a/User/1", "updated");

        assertThat(sent.offset()).isEqualTo(1);
        assertThat(readAll("third-reader", 2)).extracting(ConsumerRecord::value)
                .containsExactly("created", "updated");
    }

    @Test
    @Order(6)
    void closeIsIdempotent() {
        EmbeddedKafkaBroker neverStarted = new EmbeddedKafkaBroker(dataDir.resolve("unused"), 0);

        neverStarted.close();

        assertThat(neverStarted.isRunning()).isFalse();
    }

    @Test
    @Order(7)
    void startOnPortInUseFails() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedKafkaBroker second =
                    new EmbeddedKafkaBroker(dataDir.resolve("second"), taken.getLocalPort());

            assertThatThrownBy(second::start).hasStackTraceContaining(
                    String.valueOf(taken.getLocalPort()));
            assertThat(second.isRunning()).isFalse();
        }
    }

    @Test
    @Order(8)
    void failedStartReleasesLogDirectory() {
        try (EmbeddedKafkaBroker retry = new EmbeddedKafkaBroker(dataDir.resolve("second"), 0)) {
            retry.start();

            assertThat(retry.isRunning()).isTrue();
        }
    }

    private static void timedStart(EmbeddedKafkaBroker target, String phase) {
        long started = System.nanoTime();
        target.start();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.info("Embedded Kafka broker start ({}) took {} ms", phase, millis);
    }

    private static void createTopic() throws Exception {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                    .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static RecordMetadata send(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }

    /** Reads the topic from the beginning in a new consumer group, then commits its position. */
    private static List<ConsumerRecord<String, String>> readAll(String groupId, int expected) {
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerConfig(groupId))) {
            consumer.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, String>> records = pollUntil(consumer, expected);
            consumer.commitSync(TIMEOUT);
            return records;
        }
    }

    private static List<ConsumerRecord<String, String>> pollUntil(
            KafkaConsumer<String, String> consumer, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (records.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static long committedOffset(String groupId) throws Exception {
        try (Admin admin = Admin.create(adminConfig())) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(new TopicPartition(TOPIC, 0)).offset();
        }
    }

    private static Map<String, Object> adminConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    }

    private static Map<String, Object> consumerConfig(String groupId) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
