package io.scimsync.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.scimsync.standalone.embedded.EmbeddedKafkaBroker;
import io.scimsync.standalone.embedded.EmbeddedMongoStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Start, stop and restart of infrastructure-only applications in one JVM. */
@ExtendWith(OutputCaptureExtension.class)
class InfrastructureLifecycleIT {

    @TempDir
    Path dataDir;

    @Test
    void closeStopsInfrastructureAfterConsumers() {
        ConfigurableApplicationContext context = StandaloneTestApplications.start(dataDir);
        ShutdownProbe probe = context.getBean(ShutdownProbe.class);
        EmbeddedKafkaBroker broker = context.getBean(EmbeddedKafkaBroker.class);
        EmbeddedMongoStore store = context.getBean(EmbeddedMongoStore.class);

        context.close();

        assertThat(probe.atDestroy()).isEqualTo(new ShutdownProbe.AtDestroy(true, true, true));
        assertThat(broker.isRunning()).isFalse();
        assertThat(store.isRunning()).isFalse();
    }

    @Test
    void restartKeepsDataAndAdminToken() throws Exception {
        String token;
        try (ConfigurableApplicationContext first = StandaloneTestApplications.start(dataDir)) {
            first.getBean(MongoTemplate.class).insert(new Document("userName", "kept"), "users");
            first.getBean(KafkaTemplate.class).send(ShutdownProbe.TOPIC, "kept")
                    .get(30, TimeUnit.SECONDS);
            token = first.getEnvironment().getProperty("scimsync.admin-token");
        }

        try (ConfigurableApplicationContext second = StandaloneTestApplications.start(dataDir)) {
            assertThat(second.getEnvironment().getProperty("scimsync.admin-token"))
                    .isEqualTo(token);
            assertThat(second.getBean(MongoTemplate.class).getCollection("users")
                    .countDocuments(new Document("userName", "kept"))).isEqualTo(1);
            // The end offset is the high watermark, which a restarted broker reports as of its
            // last checkpoint until the partition's leader has caught up with its own log.
            EmbeddedKafkaBroker broker = second.getBean(EmbeddedKafkaBroker.class);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> recordCount(broker) == 1);
        }
    }

    @Test
    void twoApplicationsUseSeparateInfrastructure() {
        try (ConfigurableApplicationContext first =
                        StandaloneTestApplications.start(dataDir.resolve("first"));
                ConfigurableApplicationContext second =
                        StandaloneTestApplications.start(dataDir.resolve("second"))) {
            EmbeddedKafkaBroker firstBroker = first.getBean(EmbeddedKafkaBroker.class);
            EmbeddedKafkaBroker secondBroker = second.getBean(EmbeddedKafkaBroker.class);

            assertThat(firstBroker.port()).isNotEqualTo(secondBroker.port());
            assertThat(first.getEnvironment().getProperty("scimsync.admin-token"))
                    .isNotEqualTo(second.getEnvironment().getProperty("scimsync.admin-token"));
        }
    }

    @Test
    void configuredAdminTokenWritesNoFile() {
        try (ConfigurableApplicationContext context = StandaloneTestApplications.start(dataDir,
                "--scimsync.admin-token=configured-admin-token")) {
            assertThat(context.getEnvironment().getProperty("scimsync.admin-token"))
                    .isEqualTo("configured-admin-token");
            assertThat(dataDir.resolve("admin-token")).doesNotExist();
        }
    }

    @Test
    void readyLogNamesAddressesButNotToken(CapturedOutput output) throws IOException {
        try (ConfigurableApplicationContext context = StandaloneTestApplications.start(dataDir)) {
            String port = context.getEnvironment().getProperty("local.server.port");
            String token = Files.readString(dataDir.resolve("admin-token")).strip();

            assertThat(output.getOut())
                    .contains("SCIM API: http://127.0.0.1:" + port + "/scim/v2")
                    .contains("Admin API: http://127.0.0.1:" + port + "/admin/v1")
                    .contains("admin token in " + dataDir.resolve("admin-token"))
                    .contains("POST /admin/v1/tenants/{id}/tokens")
                    .doesNotContain(token);
        }
    }

    @Test
    void storeStartFailureClosesStartedBroker() throws IOException {
        int kafkaPort = freePort();
        try (ServerSocket mongoPortTaken = new ServerSocket(0, 1, loopback())) {
            String[] arguments = StandaloneTestApplications.arguments(dataDir,
                    "--scimsync.standalone.kafka-port=" + kafkaPort,
                    "--scimsync.standalone.mongo-port=" + mongoPortTaken.getLocalPort());

            assertThatThrownBy(() -> new SpringApplicationBuilder(
                    InfrastructureOnlyApplication.class).run(arguments))
                    .hasMessageContaining(String.valueOf(mongoPortTaken.getLocalPort()));
        }

        assertThat(portIsFree(kafkaPort)).as("Kafka port %d released", kafkaPort).isTrue();
    }

    /** Returns the number of records in the probe topic, summed over its partitions. */
    private static long recordCount(EmbeddedKafkaBroker broker) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = Map.of(
                new TopicPartition(ShutdownProbe.TOPIC, 0), OffsetSpec.latest(),
                new TopicPartition(ShutdownProbe.TOPIC, 1), OffsetSpec.latest());
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset).sum();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, loopback())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByName("127.0.0.1");
    }
}
