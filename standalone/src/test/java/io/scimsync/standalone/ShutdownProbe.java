package io.scimsync.standalone;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.scimsync.standalone.embedded.EmbeddedKafkaBroker;
import io.scimsync.standalone.embedded.EmbeddedMongoStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Test source added to the application under test: a Kafka listener like the processor's,
 * and a destroy callback that records whether the listener containers had stopped and whether
 * the broker and the store still served requests when the context destroyed its beans.
 */
public class ShutdownProbe implements DisposableBean {

    static final String TOPIC = "standalone.probe";

    /** What the probe saw when the context destroyed it. */
    record AtDestroy(boolean listenersStopped, boolean brokerServed, boolean storeServed) {
    }

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final KafkaListenerEndpointRegistry registry;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedMongoStore store;
    private volatile AtDestroy atDestroy;

    public ShutdownProbe(KafkaListenerEndpointRegistry registry, EmbeddedKafkaBroker broker,
            EmbeddedMongoStore store) {
        this.registry = registry;
        this.broker = broker;
        this.store = store;
    }

    @Bean
    static NewTopic probeTopic() {
        return new NewTopic(TOPIC, 1, (short) 1);
    }

    @KafkaListener(id = "standalone-probe", topics = TOPIC, groupId = "standalone-probe")
    public void onRecord(String value) {
        received.add(value);
    }

    BlockingQueue<String> received() {
        return received;
    }

    AtDestroy atDestroy() {
        return atDestroy;
    }

    @Override
    public void destroy() {
        boolean stopped = registry.getListenerContainers().stream().noneMatch(Lifecycle::isRunning);
        atDestroy = new AtDestroy(stopped, brokerServes(), storeServes());
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
