package io.scimsync.standalone.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimsync.ingress.IngressApplication;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two ingress replicas on one broker and one store: the standalone application's own ingress and
 * a second, separate ingress application. A write acknowledged by one replica is visible at once
 * through the other.
 */
class ReadYourWritesIT {

    private static StandaloneInstance standalone;
    private static ConfigurableApplicationContext secondIngress;
    private static ScimClient first;
    private static ScimClient second;

    @BeforeAll
    static void start() throws Exception {
        standalone = StandaloneInstance.start();
        Environment environment = standalone.context().getEnvironment();
        secondIngress = SpringApplication.run(IngressApplication.class,
                "--server.port=0",
                "--spring.kafka.bootstrap-servers="
                        + environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "--spring.mongodb.uri=" + environment.getRequiredProperty("spring.mongodb.uri"),
                "--scimsync.admin-token=" + standalone.adminToken(),
                "--spring.application.name=second-ingress");
        String secondBase = "http://127.0.0.1:"
                + secondIngress.getEnvironment().getRequiredProperty("local.server.port");
        awaitHealthy(secondBase);
        TenantCredentials tenant = standalone.newTenantToken("replicas");
        first = new ScimClient(standalone.scimUrl(), tenant.token());
        second = new ScimClient(secondBase + "/scim/v2", tenant.token());
    }

    @AfterAll
    static void stop() {
        if (secondIngress != null) {
            secondIngress.close();
        }
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void createVisibleOnOtherReplica() {
        for (int i = 0; i < 20; i++) {
            ScimClient writer = i % 2 == 0 ? first : second;
            ScimClient reader = i % 2 == 0 ? second : first;
            String userName = "ryw." + UUID.randomUUID() + "@example.com";
            Response created = writer.post("/Users", ScimRequests.user(userName));
            assertThat(created.status()).as("create %d: %s", i, created).isEqualTo(201);
            String id = created.json().path("id").asString();

            Response read = reader.get("/Users/" + id);

            assertThat(read.status()).as("read %d: %s", i, read).isEqualTo(200);
            assertThat(read.json().path("userName").asString()).isEqualTo(userName);
        }
    }

    @Test
    void patchVisibleOnOtherReplica() {
        Response created = first.post("/Users",
                ScimRequests.user("ryw.patch." + UUID.randomUUID() + "@example.com"));
        String id = created.json().path("id").asString();
        for (int i = 1; i <= 20; i++) {
            ScimClient writer = i % 2 == 0 ? first : second;
            ScimClient reader = i % 2 == 0 ? second : first;
            Response patched = writer.patch("/Users/" + id, ScimRequests.replace("title", "t" + i));
            assertThat(patched.status()).as("patch %d: %s", i, patched).isEqualTo(200);

            String title = reader.get("/Users/" + id).json().path("title").asString();

            assertThat(title).as("title after patch %d", i).isEqualTo("t" + i);
        }
    }

    private static void awaitHealthy(String baseUrl) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        });
    }
}
