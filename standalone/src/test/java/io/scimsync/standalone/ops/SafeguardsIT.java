package io.scimsync.standalone.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.sun.net.httpserver.HttpServer;
import io.scimsync.schemas.profile.ProfileMapping;
import io.scimsync.standalone.support.OpsClient;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The operator safeguards end to end on the standalone application: the deletion threshold
 * holding disables until an operator approves or rejects them, quarantine of a change whose
 * profile cannot be derived, a tenant paused by its quarantined share and resumed, and the
 * rename policy. Every SCIM answer for a set-aside change is the success the client would get.
 */
class SafeguardsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static StandaloneInstance standalone;
    private static OpsClient ops;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        ops = new OpsClient(standalone.baseUrl(), standalone.adminToken());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    static String safeguards(Integer threshold, String renamePolicy, double ratio, int window,
            int minimum) {
        return """
                {"deletionThreshold": %s, "deletionThresholdPercent": null,
                 "deletionWindow": "PT40M", "renamePolicy": "%s", "quarantinePauseRatio": %s,
                 "quarantinePauseWindow": %d, "quarantinePauseMinimum": %d,
                 "notificationUrl": null}
                """.formatted(threshold, renamePolicy, ratio, window, minimum);
    }

    static String user(String userName, String externalId) {
        return """
                {"schemas": ["%s"], "userName": "%s", "active": true%s}
                """.formatted(USER_SCHEMA, userName,
                externalId == null ? "" : ", \"externalId\": \"" + externalId + "\"");
    }

    static String replace(String path, String value) {
        return """
                {"schemas": ["%s"], "Operations": [{"op": "replace", "path": "%s", "value": %s}]}
                """.formatted(PATCH_SCHEMA, path, value);
    }

    private static ScimClient scimOf(TenantCredentials tenant) {
        return new ScimClient(standalone.scimUrl(), tenant.token());
    }

    private static String create(ScimClient scim, String body) {
        ScimClient.Response created = scim.post("/Users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static List<String> createUsers(ScimClient scim, String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(create(scim, user(prefix + i + "@example.test", null)));
        }
        return ids;
    }

    private static ScimClient.Response disable(ScimClient scim, String id) {
        return scim.patch("/Users/" + id, replace("active", "false"));
    }

    private static boolean isActive(ScimClient scim, String id) {
        ScimClient.Response read = scim.get("/Users/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json().path("active").asBoolean();
    }

    private static void putSafeguards(String tenantId, String body) {
        OpsClient.Answer answer = ops.put(tenantId, "/safeguards", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void putMapping(String tenantId, String body) {
        OpsClient.Answer answer = ops.put(tenantId, "/mapping", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    @DisplayName("a threshold of 3 holds the 4th and 5th disable, and approving applies them in order")
    void thresholdHoldsUntilApproved() {
        TenantCredentials tenant = standalone.newTenantToken("threshold-approve");
        ScimClient scim = scimOf(tenant);
        putSafeguards(tenant.tenantId(), safeguards(3, "allow", 0.4, 1000, 100));
        List<String> ids = createUsers(scim, "approve", 5);

        for (String id : ids) {
            ScimClient.Response answer = disable(scim, id);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("active").asBoolean()).isFalse();
        }
        // Re-enabling the 4th user waits behind its held disable.
        assertThat(scim.patch("/Users/" + ids.get(3), replace("active", "true")).status())
                .isEqualTo(200);

        assertThat(ids.subList(0, 3)).allSatisfy(id -> assertThat(isActive(scim, id)).isFalse());
        assertThat(ids.subList(3, 5)).allSatisfy(id -> assertThat(isActive(scim, id)).isTrue());
        JsonNode held = ops.get(tenant.tenantId(), "/held").json();
        assertThat(held.path("total").asLong()).isEqualTo(2);
        assertThat(held.path("held").valueStream().map(change -> change.path("resourceId").asString()))
                .containsExactly(ids.get(3), ids.get(4));
        assertThat(held.path("held").get(0).path("operation").asString()).isEqualTo("patch");
        JsonNode status = ops.get(tenant.tenantId(), "/status").json();
        assertThat(status.path("held").asLong()).isEqualTo(2);
        assertThat(status.path("waiting").asLong()).isEqualTo(1);

        OpsClient.Answer approved = ops.post(tenant.tenantId(), "/held/approve", null);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("count").asInt()).isEqualTo(2);
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(isActive(scim, ids.get(4))).isFalse());
        // Disable, then the waiting enable: applied in that order, the user ends active.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(ops.get(tenant.tenantId(), "/status").json().path("waiting").asLong())
                    .isZero();
            assertThat(isActive(scim, ids.get(3))).isTrue();
        });
        assertThat(ops.get(tenant.tenantId(), "/held").json().path("total").asLong()).isZero();
        OpsClient.Answer metrics = ops.sendTo("GET", "/actuator/prometheus", null,
                standalone.adminToken());
        assertThat(metrics.body()).containsPattern("scimsync_changes_total\\{outcome=\"held\",tenant=\""
                + tenant.tenantId() + "\"} 2.0");
    }

    @Test
    @DisplayName("rejecting held disables leaves the users active, and a new window starts")
    void rejectLeavesUsersActive() {
        TenantCredentials tenant = standalone.newTenantToken("threshold-reject");
        ScimClient scim = scimOf(tenant);
        putSafeguards(tenant.tenantId(), safeguards(3, "allow", 0.4, 1000, 100));
        List<String> ids = createUsers(scim, "reject", 6);
        for (String id : ids.subList(0, 5)) {
            assertThat(disable(scim, id).status()).isEqualTo(200);
        }
        assertThat(ops.get(tenant.tenantId(), "/held").json().path("total").asLong()).isEqualTo(2);

        OpsClient.Answer rejected = ops.post(tenant.tenantId(), "/held/reject", null);

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("count").asInt()).isEqualTo(2);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                ops.get(tenant.tenantId(), "/held").json().path("total").asLong()).isZero());
        assertThat(isActive(scim, ids.get(3))).isTrue();
        assertThat(isActive(scim, ids.get(4))).isTrue();
        assertThat(disable(scim, ids.get(5)).status()).isEqualTo(200);
        assertThat(isActive(scim, ids.get(5))).isFalse();
    }

    @Test
    @DisplayName("approving chosen ids decides only those, and an unknown id decides nothing")
    void approveChosenIds() {
        TenantCredentials tenant = standalone.newTenantToken("threshold-ids");
        ScimClient scim = scimOf(tenant);
        putSafeguards(tenant.tenantId(), safeguards(0, "allow", 0.4, 1000, 100));
        List<String> ids = createUsers(scim, "ids", 2);
        ids.forEach(id -> assertThat(disable(scim, id).status()).isEqualTo(200));
        JsonNode held = ops.get(tenant.tenantId(), "/held").json().path("held");
        String first = held.get(0).path("id").asString();

        OpsClient.Answer misspelt = ops.post(tenant.tenantId(), "/held/approve",
                "{\"id\": [\"" + first + "\"]}");
        OpsClient.Answer unknown = ops.post(tenant.tenantId(), "/held/approve",
                "{\"ids\": [\"" + first + "\", \"no-such-change\"]}");
        OpsClient.Answer chosen = ops.post(tenant.tenantId(), "/held/approve",
                "{\"ids\": [\"" + first + "\"]}");

        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().path("field").asString()).isEqualTo("id");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asString()).contains("no-such-change");
        assertThat(chosen.json().path("count").asInt()).isEqualTo(1);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(isActive(scim, ids.get(0))).isFalse());
        assertThat(isActive(scim, ids.get(1))).isTrue();
        assertThat(ops.get(tenant.tenantId(), "/held").json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("a change whose profile cannot be derived is quarantined, the user's next change"
            + " waits, other users flow, and replay applies both in order")
    void quarantineAndReplay() {
        TenantCredentials tenant = standalone.newTenantToken("quarantine");
        ScimClient scim = scimOf(tenant);
        putMapping(tenant.tenantId(), "{\"fields\": {\"principalName\": [\"externalId\"]}}");

        String poisoned = create(scim, user("poisoned@example.test", null));
        String healthy = create(scim, user("healthy@example.test", "healthy"));
        ScimClient.Response waiting = scim.patch("/Users/" + poisoned,
                replace("displayName", "\"Second change\""));

        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(200);
        assertThat(waiting.json().path("displayName").asString()).isEqualTo("Second change");
        assertThat(scim.get("/Users/" + poisoned).status()).isEqualTo(404);
        assertThat(scim.get("/Users/" + healthy).status()).isEqualTo(200);
        JsonNode quarantine = ops.get(tenant.tenantId(), "/quarantine").json();
        assertThat(quarantine.path("total").asLong()).isEqualTo(1);
        JsonNode entry = quarantine.path("changes").get(0);
        assertThat(entry.path("resourceId").asString()).isEqualTo(poisoned);
        assertThat(entry.path("reason").asString()).contains("principalName");
        assertThat(entry.path("reason").asString()).doesNotContain("poisoned@example.test");
        String changeId = entry.path("id").asString();
        JsonNode detail = ops.get(tenant.tenantId(), "/quarantine/" + changeId).json();
        assertThat(detail.path("change").path("payload").path("userName").asString())
                .isEqualTo("poisoned@example.test");
        assertThat(ops.get(tenant.tenantId(), "/status").json().path("waiting").asLong())
                .isEqualTo(1);

        putMapping(tenant.tenantId(), ProfileMapping.DEFAULT.toJson().toString());
        OpsClient.Answer replayed = ops.post(tenant.tenantId(), "/quarantine/" + changeId
                + "/replay", null);

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("count").asInt()).isEqualTo(1);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ScimClient.Response read = scim.get("/Users/" + poisoned);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().path("displayName").asString()).isEqualTo("Second change");
        });
        JsonNode status = ops.get(tenant.tenantId(), "/status").json();
        assertThat(status.path("quarantined").asLong()).isZero();
        assertThat(status.path("waiting").asLong()).isZero();
    }

    @Test
    @DisplayName("discarding a quarantined create lets the changes behind it go on")
    void discardQuarantined() {
        TenantCredentials tenant = standalone.newTenantToken("discard");
        ScimClient scim = scimOf(tenant);
        putMapping(tenant.tenantId(), "{\"fields\": {\"principalName\": [\"externalId\"]}}");
        String poisoned = create(scim, user("discarded@example.test", null));
        String changeId = ops.get(tenant.tenantId(), "/quarantine").json()
                .path("changes").get(0).path("id").asString();

        OpsClient.Answer discarded = ops.post(tenant.tenantId(), "/quarantine/" + changeId
                + "/discard", null);

        assertThat(discarded.json().path("count").asInt()).isEqualTo(1);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                ops.get(tenant.tenantId(), "/quarantine").json().path("total").asLong()).isZero());
        assertThat(scim.get("/Users/" + poisoned).status()).isEqualTo(404);
        assertThat(ops.get(tenant.tenantId(), "/quarantine/" + changeId).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a tenant is paused past its quarantined share, its changes wait, and resume"
            + " applies them")
    void pauseAndResume() {
        TenantCredentials tenant = standalone.newTenantToken("pause");
        ScimClient scim = scimOf(tenant);
        putSafeguards(tenant.tenantId(), safeguards(500, "allow", 0.4, 10, 2));
        putMapping(tenant.tenantId(), "{\"fields\": {\"principalName\": [\"externalId\"]}}");

        create(scim, user("bad1@example.test", null));
        create(scim, user("bad2@example.test", null));
        JsonNode paused = ops.get(tenant.tenantId(), "/status").json();
        String waiting = create(scim, user("good@example.test", "good"));

        assertThat(paused.path("state").asString()).isEqualTo("paused");
        assertThat(paused.path("quarantined").asLong()).isEqualTo(2);
        assertThat(paused.path("pausedReason").asString()).contains("quarantined");
        assertThat(scim.get("/Users/" + waiting).status()).isEqualTo(404);

        OpsClient.Answer resumed = ops.post(tenant.tenantId(), "/resume", null);

        assertThat(resumed.status()).isEqualTo(200);
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(scim.get("/Users/" + waiting).status()).isEqualTo(200));
        JsonNode running = ops.get(tenant.tenantId(), "/status").json();
        assertThat(running.path("state").asString()).isEqualTo("running");
        assertThat(running.path("waiting").asLong()).isZero();
    }

    @Test
    @DisplayName("under the reject policy a userName change is 400 mutability; a change of case is not")
    void renameRejected() {
        TenantCredentials tenant = standalone.newTenantToken("rename");
        ScimClient scim = scimOf(tenant);
        putSafeguards(tenant.tenantId(), safeguards(500, "reject", 0.4, 1000, 100));
        String id = create(scim, user("fixed@example.test", null));

        ScimClient.Response patched = scim.patch("/Users/" + id,
                replace("userName", "\"renamed@example.test\""));
        ScimClient.Response replaced = scim.send("PUT", "/Users/" + id,
                user("renamed@example.test", null), java.util.Map.of());
        ScimClient.Response recased = scim.patch("/Users/" + id,
                replace("userName", "\"FIXED@example.test\""));

        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.json().path("scimType").asString()).isEqualTo("mutability");
        assertThat(replaced.status()).isEqualTo(400);
        assertThat(replaced.json().path("scimType").asString()).isEqualTo("mutability");
        assertThat(recased.status()).isEqualTo(200);
        assertThat(scim.get("/Users/" + id).json().path("userName").asString())
                .isEqualTo("FIXED@example.test");
    }

    @Test
    @DisplayName("renames are applied under the default policy")
    void renameAllowedByDefault() {
        ScimClient scim = scimOf(standalone.newTenantToken("rename-default"));
        String id = create(scim, user("before@example.test", null));

        ScimClient.Response patched = scim.patch("/Users/" + id,
                replace("userName", "\"after@example.test\""));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(scim.get("/Users/" + id).json().path("userName").asString())
                .isEqualTo("after@example.test");
    }

    @Test
    @DisplayName("invalid safeguards are 400 naming the field; unknown tenants 404; no token 401")
    void invalidInput() {
        TenantCredentials tenant = standalone.newTenantToken("invalid");
        String valid = safeguards(500, "allow", 0.4, 1000, 100);

        OpsClient.Answer negative = ops.put(tenant.tenantId(), "/safeguards",
                valid.replace("\"deletionThreshold\": 500", "\"deletionThreshold\": -1"));
        OpsClient.Answer policy = ops.put(tenant.tenantId(), "/safeguards",
                valid.replace("\"allow\"", "\"sometimes\""));
        OpsClient.Answer window = ops.put(tenant.tenantId(), "/safeguards",
                valid.replace("PT40M", "forty minutes"));
        OpsClient.Answer missing = ops.put(tenant.tenantId(), "/safeguards",
                "{\"deletionThreshold\": 5}");
        OpsClient.Answer unknownField = ops.put(tenant.tenantId(), "/safeguards",
                valid.replace("\"notificationUrl\"", "\"notifyUrl\""));
        OpsClient.Answer url = ops.put(tenant.tenantId(), "/safeguards",
                valid.replace("\"notificationUrl\": null", "\"notificationUrl\": \"ftp://x\""));
        OpsClient.Answer unknownTenant = ops.get("no-such-tenant", "/status");
        OpsClient.Answer unknownChange = ops.get(tenant.tenantId(), "/quarantine/no-such-change");
        OpsClient.Answer noToken = ops.sendTo("GET", "/ops/v1/tenants/" + tenant.tenantId()
                + "/held", null, null);

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().path("field").asString()).isEqualTo("deletionThreshold");
        assertThat(policy.json().path("field").asString()).isEqualTo("renamePolicy");
        assertThat(window.json().path("field").asString()).isEqualTo("deletionWindow");
        assertThat(missing.json().path("field").asString()).isEqualTo("deletionThresholdPercent");
        assertThat(unknownField.json().path("field").asString()).isEqualTo("notifyUrl");
        assertThat(url.json().path("field").asString()).isEqualTo("notificationUrl");
        assertThat(List.of(policy.status(), window.status(), missing.status(),
                unknownField.status(), url.status())).containsOnly(400);
        assertThat(unknownTenant.status()).isEqualTo(404);
        assertThat(unknownChange.status()).isEqualTo(404);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(ops.get(tenant.tenantId(), "/safeguards").json().path("deletionThreshold")
                .asInt()).isEqualTo(500);
    }

    @Test
    @DisplayName("a group created through SCIM cannot be deleted through the ops API; another can")
    void scimGroupsAreOwnedByTheClient() {
        TenantCredentials tenant = standalone.newTenantToken("owned-groups");
        ScimClient scim = scimOf(tenant);
        String owned = scim.post("/Groups", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + " \"displayName\": \"Owned\"}").json().path("id").asString();
        String imported = scim.post("/Groups", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + " \"displayName\": \"Imported\"}").json().path("id").asString();
        // A group that came into the store another way carries no SCIM ownership mark.
        standalone.context().getBean(MongoTemplate.class).getDb().getCollection("groups")
                .updateOne(Filters.eq("resourceId", imported), Updates.unset("managedBy"));

        OpsClient.Answer refused = ops.send("DELETE", tenant.tenantId(), "/groups/" + owned, null);
        OpsClient.Answer deleted = ops.send("DELETE", tenant.tenantId(), "/groups/" + imported, null);
        OpsClient.Answer unknown = ops.send("DELETE", tenant.tenantId(), "/groups/no-such-group", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asString()).contains("managed by the tenant's SCIM client");
        assertThat(scim.get("/Groups/" + owned).status()).isEqualTo(200);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + imported).status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    @DisplayName("holding and releasing are posted to the tenant's notification URL")
    void notificationsArePosted() throws IOException {
        List<String> notices = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            notices.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            TenantCredentials tenant = standalone.newTenantToken("notified");
            ScimClient scim = scimOf(tenant);
            putSafeguards(tenant.tenantId(), safeguards(1, "allow", 0.4, 1000, 100).replace(
                    "\"notificationUrl\": null", "\"notificationUrl\": \"http://127.0.0.1:"
                            + hook.getAddress().getPort() + "/hook\""));
            List<String> ids = createUsers(scim, "notified", 2);
            ids.forEach(id -> assertThat(disable(scim, id).status()).isEqualTo(200));

            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(notices).anySatisfy(notice ->
                    assertThat(notice).contains("\"event\":\"held\"").contains(tenant.tenantId())));
            ops.post(tenant.tenantId(), "/held/approve", null);

            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(notices)
                    .anySatisfy(notice -> assertThat(notice).contains("\"event\":\"released\"")));
            assertThat(notices).noneSatisfy(notice -> assertThat(notice).contains("notified1@"));
            OpsClient.Answer metrics = ops.sendTo("GET", "/actuator/prometheus", null,
                    standalone.adminToken());
            assertThat(metrics.body()).containsPattern("scimsync_decisions_total\\{decision=\"approved\","
                    + "tenant=\"" + tenant.tenantId() + "\"} 1.0");
        } finally {
            hook.stop(0);
        }
    }
}
