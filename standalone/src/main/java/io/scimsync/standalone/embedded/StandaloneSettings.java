package io.scimsync.standalone.embedded;

import java.nio.file.Path;

import org.springframework.core.env.Environment;

/**
 * Settings of the standalone process that must be known before the application context exists,
 * read from the prepared {@link Environment} (command line, {@code SCIMSYNC_*} environment
 * variables, application properties).
 *
 * @param dataDir the directory holding the Kafka log, the store file and the admin token
 * @param kafkaPort the embedded broker's client port on 127.0.0.1, 0 for any free port
 * @param mongoPort the embedded store's port on 127.0.0.1, 0 for any free port
 * @param mongoDatabase the database name in the store's connection string
 */
public record StandaloneSettings(Path dataDir, int kafkaPort, int mongoPort, String mongoDatabase) {

    public static final String DATA_DIR = "scimsync.data-dir";
    public static final String KAFKA_PORT = "scimsync.standalone.kafka-port";
    public static final String MONGO_PORT = "scimsync.standalone.mongo-port";
    public static final String MONGO_DATABASE = "scimsync.standalone.mongo-database";

    static StandaloneSettings from(Environment environment) {
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "./data"));
        return new StandaloneSettings(dataDir.toAbsolutePath().normalize(),
                port(environment, KAFKA_PORT, 9092),
                port(environment, MONGO_PORT, 27017),
                environment.getProperty(MONGO_DATABASE, "scimsync"));
    }

    /** Directory of the Kafka log, {@code <data-dir>/kafka}. */
    public Path kafkaLogDir() {
        return dataDir.resolve("kafka");
    }

    /** MVStore file of the directory store, {@code <data-dir>/store/directory.mv}. */
    public Path storeFile() {
        return dataDir.resolve("store").resolve("directory.mv");
    }

    /** File holding the generated admin token, {@code <data-dir>/admin-token}. */
    public Path adminTokenFile() {
        return dataDir.resolve("admin-token");
    }

    private static int port(Environment environment, String name, int defaultPort) {
        String value = environment.getProperty(name, String.valueOf(defaultPort)).strip();
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the property name.
        }
        throw new IllegalArgumentException("Invalid " + name + " '" + value
                + "': use a TCP port from 1 to 65535, or 0 for any free port");
    }
}
