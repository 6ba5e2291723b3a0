package io.scimsync.standalone.conformance;

import static io.scimsync.standalone.conformance.ConformanceRequests.USER_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.assertScimError;
import static io.scimsync.standalone.conformance.ConformanceRequests.create;
import static io.scimsync.standalone.conformance.ConformanceRequests.group;
import static io.scimsync.standalone.conformance.ConformanceRequests.patch;
import static io.scimsync.standalone.conformance.ConformanceRequests.uniquePrefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Resource versions of RFC 7644 3.14: the {@code ETag} header and {@code meta.version}
 * (RFC 7643 3.1), and the {@code If-Match} and {@code If-None-Match} preconditions of RFC 7232
 * on reads, replaces, patches and deletes.
 */
class VersionsConformanceIT {

    private static StandaloneInstance standalone;
    private static ScimClient scim;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        scim = new ScimClient(standalone.scimUrl(),
                standalone.newTenantToken("versions-conformance").token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 7644 3.14: a created resource carries an ETag equal to meta.version")
    void createCarriesEtag() {
        Response created = scim.post("/Users", user(uniquePrefix("created")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isPresent();
        assertThat(created.header("ETag")).contains(version(created));
    }

    @Test
    @DisplayName("RFC 7644 3.14: a read carries the ETag of the stored version")
    void readCarriesEtag() {
        Response created = scim.post("/Users", user(uniquePrefix("read")));

        Response read = scim.get("/Users/" + id(created));

        assertThat(read.header("ETag")).contains(version(created));
        assertThat(version(read)).isEqualTo(version(created));
    }

    @Test
    @DisplayName("RFC 7644 3.14: every change gives the resource a new version")
    void everyChangeGivesNewVersion() {
        String userName = uniquePrefix("changed");
        Response created = scim.post("/Users", user(userName));
        String id = id(created);

        Response patched = scim.patch("/Users/" + id,
                patch("{\"op\": \"add\", \"path\": \"title\", \"value\": \"one\"}"));
        Response replaced = scim.send("PUT", "/Users/" + id, user(userName), Map.of());

        Set<String> versions = new HashSet<>();
        for (Response answer : new Response[] {created, patched, replaced}) {
            assertThat(answer.status()).as("answer %s", answer).isIn(200, 201);
            assertThat(answer.header("ETag")).contains(version(answer));
            versions.add(version(answer));
        }
        assertThat(versions).hasSize(3);
    }

    @Test
    @DisplayName("RFC 7644 3.14: resources of a list carry meta.version")
    void listResourcesCarryVersion() {
        String userName = uniquePrefix("listed");
        Response created = scim.post("/Users", user(userName));

        Response list = scim.get("/Users?" + ScimClient.filterQuery(
                "userName eq \"" + userName + "@example.com\""));

        assertThat(list.json().path("Resources").path(0).path("meta").path("version").asString())
                .isEqualTo(version(created));
    }

    @Test
    @DisplayName("RFC 7644 3.14: If-None-Match with the current version is 304")
    void ifNoneMatchCurrentIsNotModified() {
        Response created = scim.post("/Users", user(uniquePrefix("fresh")));

        Response read = scim.send("GET", "/Users/" + id(created), null,
                Map.of("If-None-Match", version(created)));

        assertThat(read.status()).isEqualTo(304);
        assertThat(read.body()).isEmpty();
    }

    @Test
    @DisplayName("RFC 7644 3.14: If-None-Match with an old version returns the resource")
    void ifNoneMatchOldReturnsResource() {
        Response created = scim.post("/Users", user(uniquePrefix("stale")));
        scim.patch("/Users/" + id(created),
                patch("{\"op\": \"add\", \"path\": \"title\", \"value\": \"new\"}"));

        Response read = scim.send("GET", "/Users/" + id(created), null,
                Map.of("If-None-Match", version(created)));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("title").asString()).isEqualTo("new");
    }

    @Test
    @DisplayName("RFC 7644 3.14: PUT with a stale If-Match is 412 and changes nothing")
    void putWithStaleIfMatchFails() {
        String userName = uniquePrefix("put");
        Response created = scim.post("/Users", user(userName));
        String id = id(created);
        scim.patch("/Users/" + id, patch("{\"op\": \"add\", \"path\": \"title\", \"value\": \"kept\"}"));

        Response replaced = scim.send("PUT", "/Users/" + id, user(userName),
                Map.of("If-Match", version(created)));

        assertScimError(replaced, 412);
        assertThat(scim.get("/Users/" + id).json().path("title").asString()).isEqualTo("kept");
    }

    @Test
    @DisplayName("RFC 7644 3.14: PUT with the current If-Match is applied")
    void putWithCurrentIfMatchApplies() {
        String userName = uniquePrefix("putcurrent");
        Response created = scim.post("/Users", user(userName));

        Response replaced = scim.send("PUT", "/Users/" + id(created), user(userName),
                Map.of("If-Match", version(created)));

        assertThat(replaced.status()).as("PUT: %s", replaced).isEqualTo(200);
        assertThat(version(replaced)).isNotEqualTo(version(created));
    }

    @Test
    @DisplayName("RFC 7644 3.14, RFC 7232 3.1: If-Match * matches any current version")
    void ifMatchStarApplies() {
        Response created = scim.post("/Users", user(uniquePrefix("star")));

        Response patched = scim.send("PATCH", "/Users/" + id(created),
                patch("{\"op\": \"add\", \"path\": \"title\", \"value\": \"any\"}"),
                Map.of("If-Match", "*"));

        assertThat(patched.status()).as("PATCH: %s", patched).isEqualTo(200);
    }

    @Test
    @DisplayName("RFC 7644 3.14: PATCH with a stale If-Match is 412")
    void patchWithStaleIfMatchFails() {
        Response created = scim.post("/Users", user(uniquePrefix("patchstale")));
        String id = id(created);
        scim.patch("/Users/" + id, patch("{\"op\": \"add\", \"path\": \"title\", \"value\": \"a\"}"));

        Response patched = scim.send("PATCH", "/Users/" + id,
                patch("{\"op\": \"add\", \"path\": \"title\", \"value\": \"b\"}"),
                Map.of("If-Match", version(created)));

        assertScimError(patched, 412);
    }

    @Test
    @DisplayName("RFC 7644 3.14: DELETE honours If-Match")
    void deleteHonoursIfMatch() {
        Response created = scim.post("/Users", user(uniquePrefix("delete")));
        String id = id(created);

        Response stale = scim.send("DELETE", "/Users/" + id, null, Map.of("If-Match", "W/\"999\""));
        Response current = scim.send("DELETE", "/Users/" + id, null,
                Map.of("If-Match", version(created)));

        assertScimError(stale, 412);
        assertThat(current.status()).isEqualTo(204);
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("RFC 7644 3.14: a group rename gives the group a new version")
    void groupRenameGivesNewVersion() {
        Response created = scim.post("/Groups", group(uniquePrefix("versioned group ")));
        String id = id(created);

        Response renamed = scim.patch("/Groups/" + id, patch("""
                {"op": "replace", "path": "displayName", "value": "%s"}"""
                .formatted(uniquePrefix("renamed group "))));

        assertThat(renamed.status()).as("rename: %s", renamed).isIn(200, 204);
        Response read = scim.get("/Groups/" + id);
        assertThat(version(read)).isNotEqualTo(version(created));
        assertThat(read.header("ETag")).contains(version(read));
    }

    @Test
    @DisplayName("RFC 7644 3.14, 4: ServiceProviderConfig advertises etag support")
    void etagAdvertised() {
        Response config = scim.get("/ServiceProviderConfig");

        assertThat(config.json().path("etag").path("supported").asBoolean(false)).isTrue();
    }

    private static String user(String userNamePrefix) {
        return """
                {"schemas": ["%s"], "userName": "%s@example.com"}
                """.formatted(USER_SCHEMA, userNamePrefix);
    }

    private static String id(Response answer) {
        assertThat(answer.status()).as("answer %s", answer).isIn(200, 201);
        return answer.json().path("id").asString();
    }

    private static String version(Response answer) {
        return answer.json().path("meta").path("version").asString();
    }
}
