package io.scimsync.standalone.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimsync.schemas.profile.ProfileMapping;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import io.scimsync.store.resource.DirectoryProfile;
import io.scimsync.store.resource.ResourceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapping endpoints of the ops API over HTTP against the standalone application: the
 * default mapping, rejected mappings, and a re-derivation of users created through SCIM.
 */
class MappingOpsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REDERIVATION_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ENTERPRISE =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final int USERS = 12;

    private static StandaloneInstance standalone;
    private static TenantCredentials tenant;
    private static ScimClient scim;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        tenant = standalone.newTenantToken("mapping-ops");
        scim = new ScimClient(standalone.scimUrl(), tenant.token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    private static String mappingPath(String tenantId) {
        return "/ops/v1/tenants/" + tenantId + "/mapping";
    }

    private static HttpResponse<String> ops(String method, String path, String body,
            String adminToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(standalone.baseUrl() + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }

    private static HttpResponse<String> ops(String method, String path, String body) {
        return ops(method, path, body, standalone.adminToken());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Waits until the progress of {@code mappingVersion} is idle, and returns it. */
    private static JsonNode awaitIdle(String tenantId, long mappingVersion) {
        return await().atMost(REDERIVATION_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> json(ops("GET", mappingPath(tenantId) + "/progress", null)),
                        progress -> progress.path("state").asString().equals("idle")
                                && progress.path("mappingVersion").asLong() == mappingVersion);
    }

    @Test
    void tenantWithoutMappingGetsDefault() {
        HttpResponse<String> response = ops("GET", mappingPath(tenant.tenantId()), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(ProfileMapping.DEFAULT.toJson());
    }

    @Test
    void invalidMappingsNameTheirField() {
        Map<String, String> fieldByBody = Map.of(
                "{\"fields\": {\"principalName\": []}}", "fields.principalName",
                "{\"fields\": {\"principalName\": [\"userName\"], \"nick\": []}}", "fields.nick",
                "{\"fields\": {\"principalName\": [\"userName\"],"
                        + " \"displayName\": [\"displayName\", \"fullName\"]}}",
                "fields.displayName[1]",
                "{\"fields\": {\"principalName\": [\"userName\"],"
                        + " \"email\": [\"emails[kind eq \\\"work\\\"].value\"]}}",
                "fields.email[0]",
                "{\"fields\": {\"principalName\": [\"userName\", 7]}}", "fields.principalName[1]",
                "{\"fields\": {\"principalName\": [\"" + ENTERPRISE + ":team\"]}}",
                "fields.principalName[0]",
                "[]", "body");

        for (Map.Entry<String, String> entry : fieldByBody.entrySet()) {
            HttpResponse<String> response = ops("PUT", mappingPath(tenant.tenantId()),
                    entry.getKey());

            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(json(response).path("field").asString()).as(entry.getKey())
                    .isEqualTo(entry.getValue());
            assertThat(json(response).path("error").asString()).as(entry.getKey()).isNotBlank();
        }
        assertThat(json(ops("GET", mappingPath(tenant.tenantId()), null)))
                .isEqualTo(ProfileMapping.DEFAULT.toJson());
    }

    @Test
    void newMappingRederivesEveryProfile() {
        TenantCredentials other = standalone.newTenantToken("mapping-rederive");
        ScimClient otherScim = new ScimClient(standalone.scimUrl(), other.token());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            ids.add(createUserIn(otherScim, i));
        }
        String mapping = "{\"fields\": {\"principalName\": [\"externalId\", \"userName\"],"
                + " \"displayName\": [\"name.formatted\", \"displayName\"],"
                + " \"email\": [\"emails[type eq \\\"work\\\"].value\"],"
                + " \"department\": [\"" + ENTERPRISE + ":department\"]}}";

        HttpResponse<String> put = ops("PUT", mappingPath(other.tenantId()), mapping);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).path("fields").path("principalName"))
                .isEqualTo(JSON.readTree("[\"externalId\", \"userName\"]"));
        JsonNode progress = awaitIdle(other.tenantId(), 1);
        assertThat(progress.path("done").asLong()).isEqualTo(USERS);
        assertThat(progress.path("total").asLong()).isEqualTo(USERS);
        assertThat(progress.path("failed").asLong()).isZero();
        ResourceStore store = standalone.context().getBean(ResourceStore.class);
        for (int i = 0; i < USERS; i++) {
            DirectoryProfile profile = store.findProfile(other.tenantId(), ids.get(i))
                    .orElseThrow();
            assertThat(profile.mappingVersion()).isEqualTo(1);
            assertThat(profile.fields()).isEqualTo(JSON.readTree("{\"principalName\": \"ext-" + i
                    + "\", \"displayName\": \"User " + i + "\", \"email\": \"w" + i
                    + "@contoso.example\", \"department\": \"Dept " + i + "\"}"));
        }
        assertThat(json(ops("GET", mappingPath(other.tenantId()), null)))
                .isEqualTo(json(put));
    }

    private static String createUserIn(ScimClient client, int index) {
        String body = "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + " \"userName\": \"user" + index + "@contoso.example\","
                + " \"externalId\": \"ext-" + index + "\", \"active\": true,"
                + " \"displayName\": \"User " + index + "\","
                + " \"emails\": [{\"type\": \"work\", \"value\": \"w" + index
                + "@contoso.example\"}],"
                + " \"" + ENTERPRISE + "\": {\"department\": \"Dept " + index + "\"}}";
        ScimClient.Response created = client.post("/Users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void requestWithoutAdminTokenIsUnauthorized() {
        HttpResponse<String> get = ops("GET", mappingPath(tenant.tenantId()), null, null);
        HttpResponse<String> put = ops("PUT", mappingPath(tenant.tenantId()),
                ProfileMapping.DEFAULT.toJson().toString(), "wrong-token");

        assertThat(get.statusCode()).isEqualTo(401);
        assertThat(put.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownTenantIsNotFound() {
        String path = mappingPath("no-such-tenant");

        assertThat(ops("GET", path, null).statusCode()).isEqualTo(404);
        assertThat(ops("PUT", path, ProfileMapping.DEFAULT.toJson().toString()).statusCode())
                .isEqualTo(404);
        assertThat(ops("GET", path + "/progress", null).statusCode()).isEqualTo(404);
        assertThat(json(ops("GET", path, null)).path("error").asString())
                .contains("no-such-tenant");
    }
}
