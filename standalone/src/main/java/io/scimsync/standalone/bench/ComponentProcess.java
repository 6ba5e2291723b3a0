package io.scimsync.standalone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One process of the fault test's split deployment: the standalone application in a child JVM
 * that runs the components of {@code --scimsync.components} on loopback. It can be killed,
 * stopped and started again with the same command line, data directory and ports. Every start
 * appends the child's output to {@code process.log} in its data directory.
 */
final class ComponentProcess {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final Path dataDir;
    private final int serverPort;
    private final List<String> command;
    private final String adminToken;
    private Process process;

    ComponentProcess(String name, Path dataDir, int serverPort, List<String> jvmOptions,
            List<String> arguments, String adminToken) {
        this.name = name;
        this.dataDir = dataDir;
        this.serverPort = serverPort;
        List<String> all = new ArrayList<>(List.of("--server.port=" + serverPort,
                "--scimsync.data-dir=" + dataDir));
        all.addAll(arguments);
        this.command = ChildJvm.command(jvmOptions, all);
        this.adminToken = adminToken;
    }

    String name() {
        return name;
    }

    /** Returns {@code http://127.0.0.1:<server port>}. */
    String root() {
        return "http://" + ChildJvm.HOST + ":" + serverPort;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the child JVM; the caller waits for it with {@link #awaitHealthy}. */
    void start() throws IOException {
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("process.log").toFile()));
        builder.environment().put("SCIMSYNC_ADMIN_TOKEN", adminToken);
        process = builder.start();
    }

    /** Sends SIGKILL, as a crash or {@code kill -9} would end the process, and waits for it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit("SIGKILL");
    }

    /** Sends SIGTERM, so the process runs its shutdown hooks, and waits for it. */
    void stop() throws InterruptedException {
        process.destroy();
        awaitExit("SIGTERM");
    }

    /**
     * Waits until {@code /actuator/health} reports UP.
     *
     * @throws IllegalStateException when the process exits or is not UP within
     *     {@code timeout}, with the end of its log in the message
     */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        BenchHttp http = new BenchHttp(root());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Process " + name + " exited with status "
                        + process.exitValue() + "; end of its log:\n" + logTail());
            }
            BenchHttp.Response health = http.admin(adminToken, "GET", "/actuator/health", null);
            if (health.status() == 200 && health.body().contains("\"UP\"")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("Process " + name + " was not UP within " + timeout
                + "; end of its log:\n" + logTail());
    }

    private void awaitExit(String signal) throws InterruptedException {
        if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            throw new IllegalStateException("Process " + name + " was still running "
                    + EXIT_TIMEOUT + " after " + signal + "; it was killed with SIGKILL");
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("process.log"));
            return String.join("\n",
                    lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(the log cannot be read: " + e.getMessage() + ")";
        }
    }
}
