package io.scimsync.standalone.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode ({@code process.roles=broker,controller}) running in
 * this JVM, started the way the Kafka distribution starts one: the log directory is formatted
 * with {@link StorageTool} on first use, then a {@link KafkaRaftServer} runs on it.
 *
 * <p>The cluster id is written to {@code meta.properties} by the format step, so a restart on
 * the same directory reuses the log. Both listeners bind to 127.0.0.1: PLAINTEXT for clients on
 * the configured port, CONTROLLER on a free port chosen at each start.
 *
 * <p>Limitations: Kafka's default flush policy applies, so records are written to the operating
 * system on acknowledgement and fsynced later. They survive a crash of this process, not a crash
 * of the machine.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String META_PROPERTIES = "meta.properties";

    private final Path logDir;
    private final int configuredPort;
    private KafkaRaftServer server;
    private int port;

    /**
     * @param logDir the broker's log directory, created when missing
     * @param port the PLAINTEXT port on 127.0.0.1, or 0 for a free port chosen at start
     */
    public EmbeddedKafkaBroker(Path logDir, int port) {
        this.logDir = logDir;
        this.configuredPort = port;
    }

    /**
     * Formats the log directory when it has no {@code meta.properties}, then starts the broker
     * and its controller and blocks until the broker accepts requests.
     *
     * @throws IllegalStateException when the broker is already running
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException(
                    "Kafka broker already running on " + bootstrapServers());
        }
        createDirectories(logDir);
        // A restart keeps the port of the first start, so that clients reconnect to it.
        int clientPort = port != 0 ? port : LoopbackPorts.resolve(configuredPort);
        Properties properties = BrokerProperties.of(logDir, clientPort, LoopbackPorts.findFree());
        formatIfNew(properties);
        startServer(properties);
        port = clientPort;
        log.info("Embedded Kafka broker listening on {} (cluster id {}, log directory {})",
                bootstrapServers(), clusterId(), logDir);
    }

    /** Returns {@code 127.0.0.1:<port>}, the value for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return LoopbackPorts.HOST + ":" + port();
    }

    /**
     * Returns the PLAINTEXT port the broker listens on.
     *
     * @throws IllegalStateException when the broker is not running
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Kafka broker in " + logDir + " is not running");
        }
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down in a controlled way and waits until it has stopped. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        log.info("Stopping embedded Kafka broker on {}", bootstrapServers());
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Embedded Kafka broker stopped");
    }

    private void formatIfNew(Properties properties) {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        Path propertiesFile = writeTemporary(properties);
        try {
            runStorageToolFormat(clusterId, propertiesFile);
        } finally {
            deleteQuietly(propertiesFile);
        }
    }

    private void runStorageToolFormat(String clusterId, Path propertiesFile) {
        String[] arguments = {
            "format", "-t", clusterId, "-c", propertiesFile.toString(), "--standalone"
        };
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = StorageTool.execute(arguments, new PrintStream(output, true,
                StandardCharsets.UTF_8));
        String message = output.toString(StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting Kafka log directory " + logDir
                    + " failed with exit code " + exitCode + ": " + message);
        }
        log.info("Formatted new Kafka log directory {}: {}", logDir, message);
    }

    private void startServer(Properties properties) {
        KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            // A failed broker start leaves the controller running, holding its port and the
            // log directory lock.
            raftServer.shutdown();
            raftServer.awaitShutdown();
            throw e;
        }
        server = raftServer;
    }

    private String clusterId() {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logDir.resolve(META_PROPERTIES), e);
        }
        return meta.getProperty("cluster.id");
    }

    private static Path writeTemporary(Properties properties) {
        try {
            Path file = Files.createTempFile("scimsync-kafka-", ".properties");
            try (var out = Files.newOutputStream(file)) {
                properties.store(out, "Embedded Kafka broker, read once to format its log dir");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Kafka properties for StorageTool", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka log directory " + dir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete temporary file {}: {}", file, e.toString());
        }
    }
}
