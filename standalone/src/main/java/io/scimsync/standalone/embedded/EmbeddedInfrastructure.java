package io.scimsync.standalone.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.scimsync.standalone.embedded.StandaloneComponents.Component;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Kafka broker and MongoDB store of one standalone process, each present only when
 * {@link StandaloneComponents} lists it. They are started together and closed together. Closing
 * stops the store first and then the broker, the reverse of start.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    static final String KAFKA_BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String MONGODB_URI = "spring.mongodb.uri";

    private final StandaloneSettings settings;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedMongoStore store;

    EmbeddedInfrastructure(StandaloneSettings settings, StandaloneComponents components) {
        this.settings = settings;
        this.broker = components.runs(Component.BROKER)
                ? new EmbeddedKafkaBroker(settings.kafkaLogDir(), settings.kafkaPort())
                : null;
        this.store = components.runs(Component.STORE)
                ? new EmbeddedMongoStore(settings.storeFile(), settings.mongoPort(),
                        settings.mongoDatabase())
                : null;
    }

    /**
     * Starts the broker, then the store, each when present. When the store fails to start, the
     * broker is closed before the exception propagates.
     */
    void start() {
        if (broker == null && store == null) {
            return;
        }
        log.info("Starting embedded infrastructure in data directory {}", settings.dataDir());
        if (broker != null) {
            timed("Kafka broker", broker::start);
        }
        try {
            if (store != null) {
                timed("MongoDB store", store::start);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Returns the Spring Boot properties that point Kafka and MongoDB clients at the broker and
     * the store of this process, for those it runs.
     */
    Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        broker().ifPresent(b -> properties.put(KAFKA_BOOTSTRAP_SERVERS, b.bootstrapServers()));
        store().ifPresent(s -> properties.put(MONGODB_URI, s.connectionString()));
        return properties;
    }

    public StandaloneSettings settings() {
        return settings;
    }

    public Optional<EmbeddedKafkaBroker> broker() {
        return Optional.ofNullable(broker);
    }

    public Optional<EmbeddedMongoStore> store() {
        return Optional.ofNullable(store);
    }

    /** Closes the store, then the broker; the broker is closed even when the store fails to. */
    @Override
    public void close() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static void timed(String component, Runnable start) {
        long begin = System.nanoTime();
        start.run();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        log.info("Embedded {} started in {} ms", component, millis);
    }
}
