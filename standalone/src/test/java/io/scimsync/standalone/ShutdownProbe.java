package io.scimsync.standalone;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.scimsync.standalone.embedded.EmbeddedKafkaBroker;
import io.scimsync.standalone.embedded.EmbeddedMongoStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * Test source added to the application under test: a Kafka listener like the processor's, and a
 * destroy callback. The callback records whether the listener's consumer threads had ended and
 * whether the broker and the store still served requests when the context destroyed its beans.
 */
public class ShutdownProbe implements DisposableBean {

    static final String TOPIC = "standalone.probe";

    /** What the probe saw when the context destroyed it. */
    record AtDestroy(boolean consumerThreadsEnded, boolean brokerServed, boolean storeServed) {
    }

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedMongoStore store;
    private final AtomicInteger consumersStopped = new AtomicInteger();
    private volatile AtDestroy atDestroy;

    public ShutdownProbe(EmbeddedKafkaBroker broker, EmbeddedMongoStore store) {
        this.broker = broker;
        this.store = store;
    }

    @Bean
    static NewTopic probeTopic() {
        return new NewTopic(TOPIC, 2, (short) 1);
    }

    /** Two consumer threads with batch acknowledgement, like the processor. */
    @Bean
    static ConcurrentKafkaListenerContainerFactory<Object, Object> probeContainerFactory(
            KafkaProperties kafka) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties()));
        factory.setConcurrency(2);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        return factory;
    }

    @KafkaListener(id = "standalone-probe", topics = TOPIC, groupId = "standalone-probe",
            containerFactory = "probeContainerFactory")
    public void onRecords(List<String> values) {
        received.addAll(values);
    }

    /** Counts ended consumer threads; each publishes this event just before it exits. */
    @EventListener
    public void onConsumerStopped(ConsumerStoppedEvent event) {
        consumersStopped.incrementAndGet();
    }

    BlockingQueue<String> received() {
        return received;
    }

    AtDestroy atDestroy() {
        return atDestroy;
    }

    @Override
    public void destroy() {
        atDestroy = new AtDestroy(consumersStopped.get() >= 2, brokerServes(), storeServes());
    }

    private boolean brokerServes() {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == 1;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean storeServes() {
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase(store.databaseName())
                    .getCollection("probe").insertOne(new Document("at", "destroy"));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
