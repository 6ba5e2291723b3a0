package io.scimsync.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the packaged jar as its own process, with the whole pipeline, and stops it with SIGTERM.
 * Needs {@code target/scim-sync-standalone.jar}, which {@code mvn verify} builds before the
 * integration tests run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneJarIT {

    private static final Path JAR = Path.of("target", "scim-sync-standalone.jar");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern SCIM_URL = Pattern.compile("SCIM API: (http://\\S+)/scim/v2");

    @TempDir
    static Path dataDir;

    static Process process;
    static final List<String> output = new CopyOnWriteArrayList<>();
    static final CompletableFuture<String> baseUrl = new CompletableFuture<>();
    static final CompletableFuture<Void> outputEnded = new CompletableFuture<>();

    @BeforeAll
    static void startJar() throws IOException {
        assumeThat(JAR).as("packaged jar; run 'mvn verify'").isRegularFile();
        process = new ProcessBuilder(javaCommand(), "-jar", JAR.toString(),
                "--scimsync.data-dir=" + dataDir, "--server.port=0",
                "--scimsync.standalone.kafka-port=0", "--scimsync.standalone.mongo-port=0")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(StandaloneJarIT::collectOutput, "standalone-jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    @AfterAll
    static void killJar() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void jarLogsScimUrlWhenReady() throws Exception {
        String url = baseUrl.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(url).startsWith("http://127.0.0.1:");
    }

    @Test
    @Order(2)
    void jarHealthBecomesUp() throws Exception {
        String healthUrl = baseUrl.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS) + "/actuator/health";

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> get(healthUrl).statusCode() == 200);

        JsonNode components = JsonMapper.builder().build()
                .readTree(get(healthUrl).body()).path("components");
        assertThat(components.path("broker").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("store").path("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(3)
    void sigtermStopsInfrastructureLast() throws Exception {
        baseUrl.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        // Process.destroy() would also close the output pipe; the handle only sends SIGTERM.
        process.toHandle().destroy();
        boolean exited = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        outputEnded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exited).as("exited after SIGTERM").isTrue();
        assertThat(process.exitValue()).as("exit status after SIGTERM%n%s", tail()).isEqualTo(143);
        int consumersStopped = lastLineIndex("Consumer stopped");
        int storeStopping = lineIndex("Stopping embedded MongoDB store");
        int storeStopped = lineIndex("Embedded MongoDB store stopped");
        int brokerStopped = lineIndex("Embedded Kafka broker stopped");
        assertThat(consumersStopped).as("consumers stopped%n%s", tail()).isPositive();
        assertThat(storeStopping).as("store stops after consumers%n%s", tail())
                .isGreaterThan(consumersStopped);
        assertThat(brokerStopped).as("broker stops after store%n%s", tail())
                .isGreaterThan(storeStopped);
    }

    private static void collectOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(StandaloneJarIT::record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            baseUrl.completeExceptionally(new IllegalStateException(
                    "Process ended before it was ready:\n" + String.join("\n", output)));
            outputEnded.complete(null);
        }
    }

    private static void record(String line) {
        output.add(line);
        Matcher matcher = SCIM_URL.matcher(line);
        if (matcher.find()) {
            baseUrl.complete(matcher.group(1));
        }
    }

    private static int lineIndex(String text) {
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastLineIndex(String text) {
        for (int i = output.size() - 1; i >= 0; i--) {
            if (output.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static String tail() {
        return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
