package io.scimsync.standalone.embedded;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the embedded store is running and replies to a {@code ping} command within
 * {@link #TIMEOUT_MILLIS} milliseconds. Keeps one MongoDB client for all checks and closes it
 * with the context.
 */
final class StoreHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreHealthIndicator.class);

    static final int TIMEOUT_MILLIS = 2000;

    private final EmbeddedMongoStore store;
    private MongoClient client;

    StoreHealthIndicator(EmbeddedMongoStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        if (!store.isRunning()) {
            return Health.down().withDetail("reason", "embedded store is not running").build();
        }
        String address = LoopbackPorts.HOST + ":" + store.port();
        try {
            client().getDatabase("admin").runCommand(new Document("ping", 1));
            return Health.up().withDetail("address", address)
                    .withDetail("file", store.file().toString()).build();
        } catch (MongoException e) {
            log.debug("Store health check on {} failed: {}", address, e.toString());
            return Health.down().withDetail("address", address)
                    .withDetail("error", e.toString()).build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(store.connectionString()))
                    .applyToClusterSettings(c -> c.serverSelectionTimeout(TIMEOUT_MILLIS,
                            TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(s -> s
                            .connectTimeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                            .readTimeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                    .build());
        }
        return client;
    }
}
