package io.scimsync.standalone.embedded;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Kafka broker and MongoDB store of one standalone process, started together and
 * closed together. Closing stops the store first and then the broker, the reverse of start.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final StandaloneSettings settings;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedMongoStore store;

    EmbeddedInfrastructure(StandaloneSettings settings) {
        this.settings = settings;
        this.broker = new EmbeddedKafkaBroker(settings.kafkaLogDir(), settings.kafkaPort());
        this.store = new EmbeddedMongoStore(settings.storeFile(), settings.mongoPort(),
                settings.mongoDatabase());
    }

    /**
     * Starts the broker, then the store. When the store fails to start, the broker is closed
     * before the exception propagates.
     */
    void start() {
        log.info("Starting embedded infrastructure in data directory {}", settings.dataDir());
        timed("Kafka broker", broker::start);
        try {
            timed("MongoDB store", store::start);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** Returns the Spring Boot properties that point Kafka and MongoDB clients at this process. */
    Map<String, Object> clientProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
                "spring.mongodb.uri", store.connectionString());
    }

    public StandaloneSettings settings() {
        return settings;
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public EmbeddedMongoStore store() {
        return store;
    }

    /** Closes the store, then the broker; the broker is closed even when the store fails to. */
    @Override
    public void close() {
        try {
            store.close();
        } finally {
            broker.close();
        }
    }

    private static void timed(String component, Runnable start) {
        long begin = System.nanoTime();
        start.run();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        log.info("Embedded {} started in {} ms", component, millis);
    }
}
