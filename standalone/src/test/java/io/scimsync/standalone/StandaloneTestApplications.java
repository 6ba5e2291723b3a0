package io.scimsync.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.scimsync.standalone.embedded.EmbeddedMongoStore;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link InfrastructureOnlyApplication} with a {@link ShutdownProbe} for tests, on free
 * ports and the given data directory.
 */
final class StandaloneTestApplications {

    private StandaloneTestApplications() {
    }

    static ConfigurableApplicationContext start(Path dataDir, String... extraArguments) {
        return new SpringApplicationBuilder(InfrastructureOnlyApplication.class, ShutdownProbe.class)
                .run(arguments(dataDir, extraArguments));
    }

    static String[] arguments(Path dataDir, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--scimsync.data-dir=" + dataDir,
                "--server.port=0",
                "--scimsync.standalone.kafka-port=0",
                "--scimsync.standalone.mongo-port=0",
                "--spring.kafka.consumer.auto-offset-reset=earliest"));
        arguments.addAll(List.of(extraArguments));
        return arguments.toArray(String[]::new);
    }

    /** Opens a store file (a copy, or the file of a stopped application) and counts users. */
    static long countUsers(Path storeFile, String userName) {
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(storeFile, 0, "scimsync")) {
            store.start();
            try (MongoClient client = MongoClients.create(store.connectionString())) {
                return client.getDatabase("scimsync").getCollection("users")
                        .countDocuments(new Document("userName", userName));
            }
        }
    }
}
