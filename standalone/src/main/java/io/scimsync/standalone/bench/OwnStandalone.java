package io.scimsync.standalone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The standalone application the bench starts for itself when it has no {@code --target}: a
 * child JVM on the bench's own jar or class path, on loopback ports that were free a moment
 * before, with a temporary data directory that {@link #close()} deletes. Its output goes to
 * {@code standalone.log} in that directory. Its JVM options come from the system property
 * that {@link ChildJvm} names.
 */
final class OwnStandalone implements AutoCloseable {

    static final String DATABASE = "scimsync";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String HOST = ChildJvm.HOST;

    private final Process process;
    private final Path dataDir;
    private final int serverPort;
    private final int kafkaPort;
    private final int mongoPort;
    private final String adminToken;

    private OwnStandalone(Process process, Path dataDir, int[] ports, String adminToken) {
        this.process = process;
        this.dataDir = dataDir;
        this.serverPort = ports[0];
        this.kafkaPort = ports[1];
        this.mongoPort = ports[2];
        this.adminToken = adminToken;
    }

    /**
     * Starts the child and waits until its {@code /actuator/health} reports UP.
     *
     * @throws IllegalStateException when it exits or is not UP within 3 minutes, with the end
     *     of its log in the message. The child is stopped and its directory deleted first.
     */
    static OwnStandalone start() throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("scim-sync-bench-");
        int[] ports = {ChildJvm.freePort(), ChildJvm.freePort(), ChildJvm.freePort()};
        String adminToken = ChildJvm.newAdminToken();
        ProcessBuilder builder = new ProcessBuilder(command(dataDir, ports))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("standalone.log").toFile());
        builder.environment().put("SCIMSYNC_ADMIN_TOKEN", adminToken);
        OwnStandalone standalone = new OwnStandalone(builder.start(), dataDir, ports, adminToken);
        try {
            standalone.awaitHealthy();
        } catch (RuntimeException | InterruptedException e) {
            standalone.close();
            throw e;
        }
        return standalone;
    }

    private static List<String> command(Path dataDir, int[] ports) {
        return ChildJvm.command(List.of(), List.of("--server.port=" + ports[0],
                "--scimsync.standalone.kafka-port=" + ports[1],
                "--scimsync.standalone.mongo-port=" + ports[2],
                "--scimsync.data-dir=" + dataDir));
    }

    private void awaitHealthy() throws InterruptedException {
        BenchHttp http = new BenchHttp(root());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The standalone process exited with status "
                        + process.exitValue() + " during its start; end of its log:\n" + logTail());
            }
            BenchHttp.Response health = http.admin(adminToken, "GET", "/actuator/health", null);
            if (health.status() == 200 && health.body().contains("\"UP\"")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("The standalone process was not UP within "
                + START_TIMEOUT + "; end of its log:\n" + logTail());
    }

    String root() {
        return "http://" + HOST + ":" + serverPort;
    }

    String adminToken() {
        return adminToken;
    }

    String bootstrapServers() {
        return HOST + ":" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://" + HOST + ":" + mongoPort + "/" + DATABASE;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the child with SIGTERM (SIGKILL after a minute) and deletes its data directory. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the bench's data directory " + dataDir, e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("standalone.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(the log cannot be read: " + e.getMessage() + ")";
        }
    }
}
