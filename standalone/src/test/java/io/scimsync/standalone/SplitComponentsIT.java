package io.scimsync.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.StandalonePorts;
import io.scimsync.standalone.support.StandaloneProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pipeline split over two child JVMs on loopback: one runs {@code broker,store}, the other
 * {@code ingress,processor} and reaches the first through {@code spring.kafka.bootstrap-servers}
 * and {@code spring.mongodb.uri}. Each process is stopped and started again while the other
 * keeps running. A process with the ingress alone joins them last. The data directories, with the children's logs {@code standalone.log}, are kept
 * when a test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitComponentsIT {

    private static final Logger log = LoggerFactory.getLogger(SplitComponentsIT.class);

    private static final Duration START_TIMEOUT = StandaloneInstance.START_TIMEOUT;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Users written with two processor replicas: more than the 6 partitions of the topic. */
    private static final int REPLICA_USERS = 12;
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path infrastructureDir;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path pipelineDir;

    private static StandalonePorts infrastructurePorts;
    private static StandalonePorts pipelinePorts;
    private static String adminToken;
    private static StandaloneProcess infrastructure;
    private static StandaloneProcess pipeline;
    private static ScimClient scim;

    @BeforeAll
    static void startBothProcesses() {
        infrastructurePorts = StandalonePorts.pickFree();
        pipelinePorts = StandalonePorts.pickFree();
        adminToken = StandaloneInstance.newAdminToken();
        infrastructure = startInfrastructure("first start");
        pipeline = startPipeline("first start");
        scim = new ScimClient(pipeline.scimUrl(), pipeline.newTenantToken("split").token());
    }

    @AfterAll
    static void stopBothProcesses() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    @Order(1)
    void infrastructureHealthListsOnlyBrokerAndStore() throws Exception {
        JsonNode health = health(infrastructure);

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("broker").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").path("store").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").has("ingress")).as("ingress health").isFalse();
        assertThat(health.path("components").has("processor")).as("processor health").isFalse();
    }

    @Test
    @Order(2)
    void infrastructureServesNoScimOrAdminEndpoints() throws Exception {
        HttpResponse<String> users = get(infrastructure.scimUrl() + "/Users");
        HttpResponse<String> tenants = get(infrastructure.baseUrl() + "/admin/v1/tenants");

        assertThat(users.statusCode()).as("GET /scim/v2/Users: %s", users.body()).isEqualTo(404);
        assertThat(tenants.statusCode()).as("GET /admin/v1/tenants: %s", tenants.body())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void pipelineHealthListsNoEmbeddedInfrastructure() throws Exception {
        JsonNode components = health(pipeline).path("components");

        assertThat(components.has("broker")).as("broker health").isFalse();
        assertThat(components.has("store")).as("store health").isFalse();
        assertThat(components.path("processor").path("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(4)
    void userSurvivesPipelineRestart() {
        String id = createUser("split.pipeline@contoso.example");

        int exitStatus = pipeline.stop();
        log.info("Stopped the ingress and processor process with SIGTERM; exit status {}",
                exitStatus);
        assertThat(infrastructure.isAlive()).as("broker and store process alive").isTrue();
        pipeline = startPipeline("restart after SIGTERM");

        assertUserReadable(id, "split.pipeline@contoso.example");
    }

    /**
     * Checks a processor apart from the store, which sends {@code fsync} to the store before it
     * commits its offsets: a write it acknowledged must survive a SIGKILL of the store's process.
     */
    @Test
    @Order(5)
    void userSurvivesInfrastructureKill() {
        String id = createUser("split.store@contoso.example");

        int exitStatus = infrastructure.killHard();
        log.info("Killed the broker and store process with SIGKILL; exit status {}", exitStatus);
        infrastructure = startInfrastructure("restart after SIGKILL");
        pipeline.waitHealthy(START_TIMEOUT);

        assertUserReadable(id, "split.store@contoso.example");
    }

    /**
     * Checks that an ingress without a processor creates the topics with their configured
     * partitions, instead of letting its first publish create them with the broker's default.
     */
    @Test
    @Order(6)
    void ingressAloneCreatesConfiguredTopics(@TempDir Path ingressDir) throws Exception {
        List<String> arguments = List.of("--scimsync.components=ingress",
                "--scimsync.topics.changes=ingress-only.changes",
                "--scimsync.topics.outcomes=ingress-only.outcomes",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri());
        try (StandaloneProcess ingress = started(StandaloneProcess.start(ingressDir,
                StandalonePorts.pickFree(), adminToken, arguments), "ingress", "first start");
                Admin admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    List.of("ingress-only.changes", "ingress-only.outcomes"))
                    .allTopicNames().get(30, TimeUnit.SECONDS);

            assertThat(topics.get("ingress-only.changes").partitions()).hasSize(6);
            assertThat(topics.get("ingress-only.outcomes").partitions()).hasSize(3);
            assertThat(health(ingress).path("components").has("processor"))
                    .as("processor health").isFalse();
        }
    }

    /**
     * Checks that a second processor replica in a process of its own applies the changes of the
     * partitions it owns. It runs last, because a static member that stops keeps its partitions
     * until its session times out.
     */
    @Test
    @Order(7)
    void processorReplicaAloneAppliesChanges(@TempDir Path processorDir) {
        List<String> arguments = List.of("--scimsync.components=processor",
                "--scimsync.processor.instance-id=split-processor-2",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri());
        try (StandaloneProcess processor = started(StandaloneProcess.start(processorDir,
                StandalonePorts.pickFree(), adminToken, arguments), "processor", "first start")) {
            pipeline.waitHealthy(START_TIMEOUT);
            for (int i = 0; i < REPLICA_USERS; i++) {
                String userName = "split.replica." + i + "@contoso.example";

                assertUserReadable(createUser(userName), userName);
            }
            assertThat(processor.log()).as("log of the second processor")
                    .contains("partitions assigned");
        }
    }

    private static String bootstrapServers() {
        return "127.0.0.1:" + infrastructurePorts.kafka();
    }

    private static String mongoUri() {
        return "mongodb://127.0.0.1:" + infrastructurePorts.mongo() + "/scimsync";
    }

    private static StandaloneProcess startInfrastructure(String occasion) {
        return started(StandaloneProcess.start(infrastructureDir, infrastructurePorts, adminToken,
                List.of("--scimsync.components=broker,store")), "broker,store", occasion);
    }

    private static StandaloneProcess startPipeline(String occasion) {
        List<String> arguments = List.of("--scimsync.components=ingress,processor",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri());
        return started(StandaloneProcess.start(pipelineDir, pipelinePorts, adminToken, arguments),
                "ingress,processor", occasion);
    }

    private static StandaloneProcess started(StandaloneProcess process, String components,
            String occasion) {
        Duration startToHealthy = process.waitHealthy(START_TIMEOUT);
        log.info("Process {} ({}, {}) healthy {} ms after its JVM started", process.pid(),
                components, occasion, startToHealthy.toMillis());
        return process;
    }

    private static String createUser(String userName) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(USER_SCHEMA);
        body.put("userName", userName).put("active", true);
        Response created = scim.post("/Users", body.toString());
        assertThat(created.status()).as("POST /Users: %s", created).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /**
     * Requires the user to be readable, polling for up to {@link #READ_TIMEOUT} while the
     * restarted process reconnects.
     */
    private static void assertUserReadable(String id, String userName) {
        await("GET /Users/" + id).atMost(READ_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> scim.get("/Users/" + id).status() == 200);
        Response read = scim.get("/Users/" + id);

        assertThat(read.status()).as("GET /Users/%s: %s", id, read).isEqualTo(200);
        assertThat(read.json().path("userName").asString()).isEqualTo(userName);
    }

    private static JsonNode health(StandaloneProcess process) throws Exception {
        return JSON.readTree(get(process.baseUrl() + "/actuator/health").body());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
