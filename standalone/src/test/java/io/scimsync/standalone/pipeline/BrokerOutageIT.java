package io.scimsync.standalone.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimsync.standalone.embedded.EmbeddedKafkaBroker;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker stopped under a running application: writes get 503 with
 * {@code Retry-After} and a SCIM error body, never a 2xx, and once the broker is back every write
 * acknowledged before the outage is still there and new writes succeed.
 */
class BrokerOutageIT {

    private static StandaloneInstance standalone;
    private static ScimClient scim;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        TenantCredentials tenant = standalone.newTenantToken("outage");
        scim = new ScimClient(standalone.scimUrl(), tenant.token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void brokerOutageKeepsAcknowledgedWrites() {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Response created = scim.post("/Users", ScimRequests.user(userName("before")));
            assertThat(created.status()).isEqualTo(201);
            acknowledged.add(created.json().path("id").asString());
        }
        EmbeddedKafkaBroker broker = standalone.context().getBean(EmbeddedKafkaBroker.class);

        broker.close();
        Response duringOutage = scim.post("/Users", ScimRequests.user(userName("during")));
        Response patchDuringOutage = scim.patch("/Users/" + acknowledged.get(0),
                ScimRequests.replace("title", "lost"));
        broker.start();

        assertThat(duringOutage.status()).as("create during outage: %s", duringOutage)
                .isEqualTo(503);
        assertThat(duringOutage.header("Retry-After")).isPresent();
        assertThat(duringOutage.json().path("schemas").path(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(duringOutage.json().path("status").asString()).isEqualTo("503");
        assertThat(patchDuringOutage.status()).isEqualTo(503);
        awaitWritesAccepted();
        for (String id : acknowledged) {
            assertThat(scim.get("/Users/" + id).status()).as("user %s", id).isEqualTo(200);
        }
    }

    private static void awaitWritesAccepted() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                scim.post("/Users", ScimRequests.user(userName("after"))).status() == 201);
    }

    private static String userName(String phase) {
        return phase + "." + UUID.randomUUID() + "@example.com";
    }
}
