package io.scimsync.standalone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

import io.scimsync.standalone.StandaloneApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone application (ingress, processor, embedded Kafka broker and embedded MongoDB
 * store) running inside the test JVM on loopback, with a random web server port, random
 * embedded ports and a random admin token. {@link #start()} returns once
 * {@code /actuator/health} reports UP.
 *
 * <p>{@link #startInChildProcess} runs the same application in a separate JVM instead, for tests
 * that kill the process.
 */
public final class StandaloneInstance implements AutoCloseable {

    /** Maximum time from the start of the application to a health report of UP. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final String adminToken;
    private final String baseUrl;
    private Duration startToHealthy;

    private StandaloneInstance(ConfigurableApplicationContext context, Path dataDir,
            boolean deleteDataDirOnClose, String adminToken) {
        this.context = context;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.adminToken = adminToken;
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Starts the application on a new temporary data directory, deleted again by {@link #close()}. */
    public static StandaloneInstance start() {
        try {
            return start(Files.createTempDirectory("scim-sync-standalone-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data directory", e);
        }
    }

    /** Starts the application on {@code dataDir}, which {@link #close()} leaves in place. */
    public static StandaloneInstance start(Path dataDir) {
        return start(dataDir, false);
    }

    /**
     * Starts the application in a child JVM on {@code dataDir} and the given ports, and returns
     * at once; call {@link StandaloneProcess#waitHealthy(Duration)} before sending requests.
     */
    public static StandaloneProcess startInChildProcess(Path dataDir, StandalonePorts ports,
            String adminToken) {
        return StandaloneProcess.start(dataDir, ports, adminToken);
    }

    /** Returns a new random admin token: 32 random bytes, URL-safe Base64 without padding. */
    public static String newAdminToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static StandaloneInstance start(Path dataDir, boolean deleteDataDirOnClose) {
        String adminToken = newAdminToken();
        long startNanos = System.nanoTime();
        ConfigurableApplicationContext context = SpringApplication.run(StandaloneApplication.class,
                "--server.port=0",
                "--scimsync.data-dir=" + dataDir,
                "--scimsync.standalone.kafka-port=0",
                "--scimsync.standalone.mongo-port=0",
                "--scimsync.admin-token=" + adminToken);
        StandaloneInstance instance =
                new StandaloneInstance(context, dataDir, deleteDataDirOnClose, adminToken);
        try {
            new HealthProbe(instance.baseUrl).awaitUp(START_TIMEOUT, () -> !context.isActive());
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        instance.startToHealthy = Duration.ofNanos(System.nanoTime() - startNanos);
        return instance;
    }

    /** Returns {@code http://127.0.0.1:<port>}, the root of the SCIM, admin and actuator paths. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Returns the SCIM base URL, {@code <baseUrl>/scim/v2}. */
    public String scimUrl() {
        return baseUrl + "/scim/v2";
    }

    public String adminToken() {
        return adminToken;
    }

    /** Returns the running application context, for tests that need its beans. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Returns the time from the call of {@code SpringApplication.run} to a health report of UP. */
    public Duration startToHealthy() {
        return startToHealthy;
    }

    /** Creates a tenant named {@code tenantName} through the admin API and issues it a token. */
    public TenantCredentials newTenantToken(String tenantName) {
        return new AdminApi(baseUrl, adminToken).createTenantWithToken(tenantName);
    }

    /** Closes the application context, and deletes the data directory if {@link #start()} made it. */
    @Override
    public void close() {
        context.close();
        if (deleteDataDirOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the data directory " + directory, e);
        }
    }
}
