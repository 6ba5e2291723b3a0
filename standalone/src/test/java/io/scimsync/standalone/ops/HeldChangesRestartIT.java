package io.scimsync.standalone.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimsync.standalone.support.OpsClient;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A held delete survives a restart of the standalone process and is applied once approved. */
class HeldChangesRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void heldDeleteSurvivesRestart() throws IOException {
        TenantCredentials tenant;
        String userId;
        try (StandaloneInstance first = StandaloneInstance.start(dataDir)) {
            tenant = first.newTenantToken("restart");
            OpsClient ops = new OpsClient(first.baseUrl(), first.adminToken());
            assertThat(ops.put(tenant.tenantId(), "/safeguards", SafeguardsIT.safeguards(
                    0, "allow", 0.4, 1000, 100)).status()).isEqualTo(200);
            ScimClient scim = new ScimClient(first.scimUrl(), tenant.token());
            userId = scim.post("/Users", SafeguardsIT.user("kept@example.test", null))
                    .json().path("id").asString();

            assertThat(scim.delete("/Users/" + userId).status()).isEqualTo(204);
            assertThat(scim.get("/Users/" + userId).status()).isEqualTo(200);
        }
        assertThat(Files.exists(dataDir)).isTrue();

        try (StandaloneInstance second = StandaloneInstance.start(dataDir)) {
            OpsClient ops = new OpsClient(second.baseUrl(), second.adminToken());
            ScimClient scim = new ScimClient(second.scimUrl(), tenant.token());
            var held = ops.get(tenant.tenantId(), "/held").json();
            assertThat(held.path("total").asLong()).isEqualTo(1);
            assertThat(held.path("held").get(0).path("operation").asString()).isEqualTo("delete");
            assertThat(scim.get("/Users/" + userId).status()).isEqualTo(200);

            assertThat(ops.post(tenant.tenantId(), "/held/approve", null).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(scim.get("/Users/" + userId).status()).isEqualTo(404));
        }
    }
}
