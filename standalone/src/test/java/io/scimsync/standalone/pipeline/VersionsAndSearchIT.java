package io.scimsync.standalone.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Versions (ETag, {@code If-Match}, {@code If-None-Match}), sorting and {@code POST .search}
 * against the standalone application.
 */
class VersionsAndSearchIT {

    private static StandaloneInstance standalone;
    private static ScimClient scim;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        TenantCredentials tenant = standalone.newTenantToken("versions");
        scim = new ScimClient(standalone.scimUrl(), tenant.token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void resourceAnswerCarriesEtag() {
        String id = createUser();

        Response read = scim.get("/Users/" + id);

        assertThat(read.header("ETag")).contains("W/\"1\"");
        assertThat(read.json().path("meta").path("version").asString()).isEqualTo("W/\"1\"");
    }

    @Test
    void unchangedResourceIsNotModified() {
        String id = createUser();

        Response read = scim.send("GET", "/Users/" + id, null, Map.of("If-None-Match", "W/\"1\""));

        assertThat(read.status()).isEqualTo(304);
        assertThat(read.body()).isEmpty();
    }

    @Test
    void changedResourceIsReturnedDespiteIfNoneMatch() {
        String id = createUser();
        scim.patch("/Users/" + id, ScimRequests.replace("title", "changed"));

        Response read = scim.send("GET", "/Users/" + id, null, Map.of("If-None-Match", "W/\"1\""));

        assertThat(read.status()).isEqualTo(200);
    }

    @Test
    void staleIfMatchFailsPatchAndChangesNothing() {
        String id = createUser();
        scim.patch("/Users/" + id, ScimRequests.replace("title", "first"));

        Response stale = scim.send("PATCH", "/Users/" + id, ScimRequests.replace("title", "second"),
                Map.of("If-Match", "W/\"1\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("status").asString()).isEqualTo("412");
        assertThat(scim.get("/Users/" + id).json().path("title").asString()).isEqualTo("first");
    }

    @Test
    void currentIfMatchAllowsPatch() {
        String id = createUser();

        Response patched = scim.send("PATCH", "/Users/" + id,
                ScimRequests.replace("title", "matched"), Map.of("If-Match", "\"1\""));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("title").asString()).isEqualTo("matched");
    }

    @Test
    void staleIfMatchFailsDelete() {
        String id = createUser();

        Response delete = scim.send("DELETE", "/Users/" + id, null, Map.of("If-Match", "W/\"7\""));

        assertThat(delete.status()).isEqualTo(412);
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(200);
    }

    @Test
    void sortByUserNameDescending() {
        String prefix = "sort" + UUID.randomUUID().toString().substring(0, 6);
        for (String letter : List.of("b", "c", "a")) {
            scim.post("/Users", ScimRequests.user(prefix + "." + letter + "@example.com"));
        }

        Response page = scim.get("/Users?" + ScimClient.filterQuery(
                "userName sw \"" + prefix + "\"") + "&sortBy=userName&sortOrder=descending");

        assertThat(userNames(page.json())).containsExactly(prefix + ".c@example.com",
                prefix + ".b@example.com", prefix + ".a@example.com");
    }

    @Test
    void unknownSortAttributeIsInvalidValue() {
        Response page = scim.get("/Users?sortBy=shoeSize");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().path("scimType").asString()).isEqualTo("invalidValue");
    }

    @Test
    void searchInBodyMatchesQuery() {
        String userName = "search." + UUID.randomUUID() + "@example.com";
        String id = scim.post("/Users", ScimRequests.user(userName)).json().path("id").asString();

        Response found = scim.post("/Users/.search", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter": "userName eq \\"%s\\"", "attributes": ["userName"]}
                """.formatted(userName));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().path("Resources").path(0).path("id").asString()).isEqualTo(id);
        assertThat(found.json().path("Resources").path(0).has("displayName")).isFalse();
    }

    @Test
    void searchWithoutSchemaIsInvalidSyntax() {
        Response found = scim.post("/Users/.search", "{\"filter\": \"userName eq \\\"x\\\"\"}");

        assertThat(found.status()).isEqualTo(400);
        assertThat(found.json().path("scimType").asString()).isEqualTo("invalidSyntax");
    }

    private static String createUser() {
        Response created = scim.post("/Users",
                ScimRequests.user("version." + UUID.randomUUID() + "@example.com"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static List<String> userNames(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("Resources").forEach(user -> names.add(user.path("userName").asString()));
        return names;
    }
}
