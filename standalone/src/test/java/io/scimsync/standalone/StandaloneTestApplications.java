package io.scimsync.standalone;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
        return new SpringApplicationBuilder(
                InfrastructureOnlyApplication.class, ShutdownProbe.class)
                .run(arguments(dataDir, extraArguments));
    }

    /** Returns the test defaults as command-line arguments, overridden by extra arguments. */
    static String[] arguments(Path dataDir, String... extraArguments) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("scimsync.data-dir", dataDir.toString());
        arguments.put("server.port", "0");
        arguments.put("scimsync.standalone.kafka-port", "0");
        arguments.put("scimsync.standalone.mongo-port", "0");
        arguments.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        for (String extra : extraArguments) {
            String[] nameAndValue = extra.substring(2).split("=", 2);
            arguments.put(nameAndValue[0], nameAndValue[1]);
        }
        return arguments.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
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
