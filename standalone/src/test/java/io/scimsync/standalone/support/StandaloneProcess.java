package io.scimsync.standalone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.scimsync.standalone.StandaloneApplication;

/**
 * The standalone application running in a child JVM ({@code -Xmx512m}) on the test JVM's class
 * path, with its standard output and error appended to {@code <data-dir>/standalone.log}. The
 * admin token reaches the child as the {@code SCIMSYNC_ADMIN_TOKEN} environment variable, so it
 * does not show in the process list.
 */
public final class StandaloneProcess implements AutoCloseable {

    /** Maximum wait for the child to exit after SIGTERM or SIGKILL. */
    public static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private static final String LOG_FILE = "standalone.log";
    private static final int LOG_LINES_IN_ERRORS = 40;

    private final Process process;
    private final long startNanos;
    private final Path dataDir;
    private final StandalonePorts ports;
    private final String adminToken;

    private StandaloneProcess(Process process, long startNanos, Path dataDir,
            StandalonePorts ports, String adminToken) {
        this.process = process;
        this.startNanos = startNanos;
        this.dataDir = dataDir;
        this.ports = ports;
        this.adminToken = adminToken;
    }

    static StandaloneProcess start(Path dataDir, StandalonePorts ports, String adminToken) {
        return start(dataDir, ports, adminToken, List.of());
    }

    /**
     * Starts the standalone application with {@code arguments} after the data directory and the
     * three ports, for example {@code --scimsync.components=broker,store}.
     */
    public static StandaloneProcess start(Path dataDir, StandalonePorts ports, String adminToken,
            List<String> arguments) {
        List<String> command = new ArrayList<>(command(dataDir, ports));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve(LOG_FILE).toFile()));
        builder.environment().put("SCIMSYNC_ADMIN_TOKEN", adminToken);
        try {
            Files.createDirectories(dataDir);
            long startNanos = System.nanoTime();
            return new StandaloneProcess(builder.start(), startNanos, dataDir, ports, adminToken);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + builder.command(), e);
        }
    }

    private static List<String> command(Path dataDir, StandalonePorts ports) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                StandaloneApplication.class.getName(),
                "--server.port=" + ports.server(),
                "--scimsync.data-dir=" + dataDir,
                "--scimsync.standalone.kafka-port=" + ports.kafka(),
                "--scimsync.standalone.mongo-port=" + ports.mongo());
    }

    /**
     * Waits until the child's {@code /actuator/health} reports UP.
     *
     * @return the time from the start of the child JVM to the first UP report
     * @throws IllegalStateException when the timeout passes or the child exits first, with the
     *     end of the child's log in the message
     */
    public Duration waitHealthy(Duration timeout) {
        try {
            new HealthProbe(baseUrl()).awaitUp(timeout, () -> !process.isAlive());
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nEnd of " + logFile() + ":\n"
                    + logTail(), e);
        }
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Sends SIGKILL and waits for the child to exit, as a crash or {@code kill -9} would end it. */
    public int killHard() {
        process.destroyForcibly();
        return awaitExit("SIGKILL");
    }

    /**
     * Sends SIGTERM and waits for the child to exit, so it runs its shutdown hooks as on a
     * graceful stop.
     *
     * @return the child's exit status
     * @throws IllegalStateException when the child is still running after {@link #EXIT_TIMEOUT};
     *     it is killed with SIGKILL first
     */
    public int stop() {
        process.destroy();
        return awaitExit("SIGTERM");
    }

    /**
     * Waits for the child to exit on its own, as it does when its startup fails.
     *
     * @return the child's exit status
     * @throws IllegalStateException when the child is still running after {@code timeout}; it is
     *     killed with SIGKILL first
     */
    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new IllegalStateException("Standalone process " + process.pid()
                        + " was still running after " + timeout + "; it was killed with SIGKILL");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for standalone process "
                    + process.pid() + " to exit", e);
        }
    }

    /** Returns the child's log so far. */
    public String log() {
        try {
            return Files.readString(logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile(), e);
        }
    }

    private int awaitExit(String signal) {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new IllegalStateException("Standalone process " + process.pid()
                        + " was still running " + EXIT_TIMEOUT + " after " + signal
                        + "; it was killed with SIGKILL");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for standalone process "
                    + process.pid() + " to exit", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Returns the web server's port, chosen by the test before the start. */
    public int port() {
        return ports.server();
    }

    public StandalonePorts ports() {
        return ports;
    }

    /** Returns {@code http://127.0.0.1:<port>}, the root of the SCIM, admin and actuator paths. */
    public String baseUrl() {
        return "http://127.0.0.1:" + ports.server();
    }

    /** Returns the SCIM base URL, {@code <baseUrl>/scim/v2}. */
    public String scimUrl() {
        return baseUrl() + "/scim/v2";
    }

    public String adminToken() {
        return adminToken;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Returns the file that receives the child's standard output and error. */
    public Path logFile() {
        return dataDir.resolve(LOG_FILE);
    }

    /** Creates a tenant named {@code tenantName} through the admin API and issues it a token. */
    public TenantCredentials newTenantToken(String tenantName) {
        return new AdminApi(baseUrl(), adminToken).createTenantWithToken(tenantName);
    }

    /** Stops the child with SIGTERM if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            int from = Math.max(0, lines.size() - LOG_LINES_IN_ERRORS);
            return String.join("\n", lines.subList(from, lines.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }
}
