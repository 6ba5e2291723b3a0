package io.scimsync.standalone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pipeline as five processes on loopback, each with a data directory of its own under one
 * temporary directory: the Kafka broker, the store, two ingress replicas and one processor.
 * Each can be killed or restarted while the others keep running. Every child gets
 * {@code -Xmx512m}, so that five of them fit beside the load generator.
 */
final class SplitDeployment implements AutoCloseable {

    static final String DATABASE = "scimsync";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m");

    private final Path root;
    private final String adminToken;
    private final int kafkaPort;
    private final int mongoPort;
    private final ComponentProcess broker;
    private final ComponentProcess store;
    private final List<ComponentProcess> ingresses;
    private final ComponentProcess processor;

    private SplitDeployment(Path root) throws IOException {
        this.root = root;
        this.adminToken = ChildJvm.newAdminToken();
        this.kafkaPort = ChildJvm.freePort();
        this.mongoPort = ChildJvm.freePort();
        this.broker = component("broker", List.of("--scimsync.components=broker",
                "--scimsync.standalone.kafka-port=" + kafkaPort));
        this.store = component("store", List.of("--scimsync.components=store",
                "--scimsync.standalone.mongo-port=" + mongoPort));
        List<String> pipeline = List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri());
        this.ingresses = List.of(
                component("ingress-1", withComponents("ingress", pipeline)),
                component("ingress-2", withComponents("ingress", pipeline)));
        this.processor = component("processor", withComponents("processor", pipeline,
                "--scimsync.processor.instance-id=fault-test-processor"));
    }

    /**
     * Starts the broker and the store, then the processor and both ingress replicas, and waits
     * until each reports UP.
     *
     * @throws IllegalStateException when a process exits or is not UP within 3 minutes; the
     *     processes are stopped, and the directory is kept for its logs
     */
    static SplitDeployment start() throws IOException, InterruptedException {
        SplitDeployment deployment =
                new SplitDeployment(Files.createTempDirectory("scim-sync-faults-"));
        try {
            deployment.startAndAwait(List.of(deployment.broker, deployment.store));
            deployment.startAndAwait(deployment.pipelineProcesses());
        } catch (IOException | InterruptedException | RuntimeException e) {
            deployment.stopAll();
            throw e;
        }
        return deployment;
    }

    Path root() {
        return root;
    }

    String adminToken() {
        return adminToken;
    }

    String bootstrapServers() {
        return ChildJvm.HOST + ":" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://" + ChildJvm.HOST + ":" + mongoPort + "/" + DATABASE;
    }

    List<ComponentProcess> ingresses() {
        return ingresses;
    }

    ComponentProcess broker() {
        return broker;
    }

    ComponentProcess store() {
        return store;
    }

    ComponentProcess processor() {
        return processor;
    }

    /**
     * Ends {@code process} with SIGKILL or SIGTERM, starts it again and waits until it and every
     * process that depends on it report UP.
     *
     * @return the time from the signal to the last UP report
     */
    Duration restart(ComponentProcess process, boolean kill)
            throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        if (kill) {
            process.kill();
        } else {
            process.stop();
        }
        process.start();
        process.awaitHealthy(START_TIMEOUT);
        if (process == broker || process == store) {
            for (ComponentProcess dependent : pipelineProcesses()) {
                dependent.awaitHealthy(START_TIMEOUT);
            }
        }
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Stops every process with SIGTERM and deletes the directory, unless {@code keep}. */
    void close(boolean keep) throws InterruptedException {
        stopAll();
        if (!keep) {
            deleteRoot();
        }
    }

    @Override
    public void close() throws InterruptedException {
        close(false);
    }

    private List<ComponentProcess> pipelineProcesses() {
        return List.of(processor, ingresses.get(0), ingresses.get(1));
    }

    private void startAndAwait(List<ComponentProcess> processes)
            throws IOException, InterruptedException {
        for (ComponentProcess process : processes) {
            process.start();
        }
        for (ComponentProcess process : processes) {
            process.awaitHealthy(START_TIMEOUT);
        }
    }

    private void stopAll() throws InterruptedException {
        List<ComponentProcess> order = List.of(ingresses.get(0), ingresses.get(1), processor,
                store, broker);
        for (ComponentProcess process : order) {
            if (process.isAlive()) {
                process.stop();
            }
        }
    }

    private ComponentProcess component(String name, List<String> arguments) throws IOException {
        return new ComponentProcess(name, root.resolve(name), ChildJvm.freePort(), JVM_OPTIONS,
                arguments, adminToken);
    }

    private static List<String> withComponents(String components, List<String> pipeline,
            String... more) {
        return Stream.concat(Stream.concat(Stream.of("--scimsync.components=" + components),
                pipeline.stream()), Stream.of(more)).toList();
    }

    private void deleteRoot() {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the fault test's directory " + root, e);
        }
    }
}
