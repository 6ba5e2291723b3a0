package io.scimsync.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.scimsync.standalone.embedded.EmbeddedKafkaBroker;
import io.scimsync.standalone.embedded.EmbeddedMongoStore;
import io.scimsync.store.StoreDurability;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One infrastructure-only application, started once for the class, seen through its clients. */
class InfrastructureApplicationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext context;

    @BeforeAll
    static void startApplication() {
        // The application hides health details; the indicator tests read them.
        context = StandaloneTestApplications.start(dataDir,
                "--management.endpoint.health.show-details=always");
    }

    @AfterAll
    static void stopApplication() {
        context.close();
    }

    @Test
    void kafkaClientsPointAtEmbeddedBroker() {
        EmbeddedKafkaBroker broker = context.getBean(EmbeddedKafkaBroker.class);

        assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(broker.bootstrapServers());
    }

    @Test
    void mongoClientsPointAtEmbeddedStore() {
        EmbeddedMongoStore store = context.getBean(EmbeddedMongoStore.class);

        assertThat(context.getEnvironment().getProperty("spring.mongodb.uri"))
                .isEqualTo(store.connectionString());
    }

    @Test
    void dataLivesUnderDataDirectory() {
        assertThat(dataDir.resolve("kafka").resolve("meta.properties")).isRegularFile();
        assertThat(dataDir.resolve("store").resolve("directory.mv")).isRegularFile();
        assertThat(dataDir.resolve("admin-token")).isRegularFile();
    }

    @Test
    void kafkaTemplateRecordReachesListener() throws Exception {
        KafkaTemplate<Object, Object> template = context.getBean(KafkaTemplate.class);

        template.send(ShutdownProbe.TOPIC, "tenant-a/User/1", "created")
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(context.getBean(ShutdownProbe.class).received()
                .poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("created");
    }

    @Test
    void mongoTemplateWritesToEmbeddedStore() {
        MongoTemplate template = context.getBean(MongoTemplate.class);

        template.insert(new Document("userName", "template-user"), "users");

        assertThat(template.getDb().getName()).isEqualTo("scimsync");
        assertThat(template.getCollection("users").countDocuments(
                new Document("userName", "template-user"))).isEqualTo(1);
    }

    @Test
    void storeDurabilityFlushSurvivesCrash() throws IOException {
        MongoTemplate template = context.getBean(MongoTemplate.class);
        template.insert(new Document("userName", "durable-user"), "users");

        context.getBean(StoreDurability.class).flush();
        Path crashed = Files.copy(dataDir.resolve("store").resolve("directory.mv"),
                dataDir.resolve("crashed-copy.mv"));

        assertThat(StandaloneTestApplications.countUsers(crashed, "durable-user")).isEqualTo(1);
    }

    @Test
    void healthShowsBrokerAndStoreUp() throws Exception {
        JsonNode health = getJson("/actuator/health");

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("broker").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").path("store").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void brokerHealthNamesCluster() throws Exception {
        JsonNode broker = getJson("/actuator/health/broker");

        assertThat(broker.path("details").path("nodes").asInt()).as("%s", broker).isEqualTo(1);
        assertThat(broker.path("details").path("clusterId").asString()).isNotBlank();
    }

    @Test
    void generatedAdminTokenIsSetAsProperty() throws IOException {
        String token = Files.readString(dataDir.resolve("admin-token")).strip();

        assertThat(context.getEnvironment().getProperty("scimsync.admin-token")).isEqualTo(token);
    }

    @Test
    void webServerListensOnLoopback() {
        assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    private static JsonNode getJson(String path) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
