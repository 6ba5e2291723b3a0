package io.scimsync.standalone.conformance;

import static io.scimsync.standalone.conformance.ConformanceRequests.ENTERPRISE_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.SEARCH_REQUEST_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.USER_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.create;
import static io.scimsync.standalone.conformance.ConformanceRequests.createUser;
import static io.scimsync.standalone.conformance.ConformanceRequests.group;
import static io.scimsync.standalone.conformance.ConformanceRequests.patch;
import static io.scimsync.standalone.conformance.ConformanceRequests.uniquePrefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters of RFC 7644 3.4.2.5 and 3.9
 * on reads, lists, searches and writes, and the {@code returned} characteristics of
 * RFC 7643 2.4 that bound them: {@code id} is always returned, {@code password} never.
 */
class ProjectionConformanceIT {

    private static StandaloneInstance standalone;
    private static ScimClient scim;
    private static String userName;
    private static String userId;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        scim = new ScimClient(standalone.scimUrl(),
                standalone.newTenantToken("projection-conformance").token());
        userName = uniquePrefix("projection") + "@example.com";
        userId = create(scim, "/Users", """
                {"schemas": ["%s", "%s"], "userName": "%s", "title": "Engineer",
                 "name": {"givenName": "Kim", "familyName": "Lee"},
                 "emails": [{"value": "kim@work.example", "type": "work"}],
                 "%s": {"department": "Sales", "employeeNumber": "7"}}
                """.formatted(USER_SCHEMA, ENTERPRISE_SCHEMA, userName, ENTERPRISE_SCHEMA));
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.5: attributes returns the named attributes and id only")
    void attributesLimitsResource() {
        JsonNode user = read("/Users/" + userId + "?attributes=title");

        assertThat(user.path("title").asString()).isEqualTo("Engineer");
        assertThat(user.path("id").asString()).isEqualTo(userId);
        assertThat(user.has("name")).isFalse();
        assertThat(user.has("emails")).isFalse();
        assertThat(user.has(ENTERPRISE_SCHEMA)).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.5: attributes names a sub-attribute by its dotted path")
    void attributesNamesSubAttribute() {
        JsonNode user = read("/Users/" + userId + "?attributes=name.givenName");

        assertThat(user.path("name").path("givenName").asString()).isEqualTo("Kim");
        assertThat(user.path("name").has("familyName")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.5: attribute names in attributes are case-insensitive")
    void attributesIgnoreCase() {
        JsonNode user = read("/Users/" + userId + "?attributes=TITLE");

        assertThat(user.path("title").asString()).isEqualTo("Engineer");
        assertThat(user.has("name")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.5: attributes names an extension attribute by its URN")
    void attributesNamesExtensionAttribute() {
        JsonNode user = read("/Users/" + userId + "?attributes=" + ENTERPRISE_SCHEMA
                + ":department");

        assertThat(user.path(ENTERPRISE_SCHEMA).path("department").asString()).isEqualTo("Sales");
        assertThat(user.path(ENTERPRISE_SCHEMA).has("employeeNumber")).isFalse();
        assertThat(user.has("title")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.5: excludedAttributes leaves the named attributes out")
    void excludedAttributesLeavesOut() {
        JsonNode user = read("/Users/" + userId + "?excludedAttributes=emails,name");

        assertThat(user.has("emails")).isFalse();
        assertThat(user.has("name")).isFalse();
        assertThat(user.path("title").asString()).isEqualTo("Engineer");
        assertThat(user.path("userName").asString()).isEqualTo(userName);
    }

    @Test
    @DisplayName("RFC 7643 2.4, RFC 7644 3.4.2.5: excludedAttributes cannot remove id")
    void excludedAttributesKeepsId() {
        JsonNode user = read("/Users/" + userId + "?excludedAttributes=id,title");

        assertThat(user.path("id").asString()).isEqualTo(userId);
        assertThat(user.has("title")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.5: excludedAttributes=members on a group")
    void groupWithoutMembers() {
        String member = createUser(scim, uniquePrefix("member") + "@example.com");
        String groupId = create(scim, "/Groups", group(uniquePrefix("projection group ")));
        scim.patch("/Groups/" + groupId, patch("""
                {"op": "add", "path": "members", "value": [{"value": "%s"}]}""".formatted(member)));

        JsonNode group = read("/Groups/" + groupId + "?excludedAttributes=members");

        assertThat(group.has("members")).isFalse();
        assertThat(group.path("displayName").asString()).isNotBlank();
        assertThat(read("/Groups/" + groupId).path("members").size()).isEqualTo(1);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.5: attributes applies to every resource of a list")
    void attributesOnList() {
        Response list = scim.get("/Users?" + ScimClient.filterQuery(
                "userName eq \"" + userName + "\"") + "&attributes=userName");

        assertThat(list.status()).isEqualTo(200);
        JsonNode user = list.json().path("Resources").path(0);
        assertThat(user.path("userName").asString()).isEqualTo(userName);
        assertThat(user.path("id").asString()).isEqualTo(userId);
        assertThat(user.has("title")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.4.3: a search body's excludedAttributes applies to its results")
    void excludedAttributesInSearchBody() {
        Response found = scim.post("/Users/.search", """
                {"schemas": ["%s"], "filter": "userName eq \\"%s\\"",
                 "excludedAttributes": ["title", "emails"]}
                """.formatted(SEARCH_REQUEST_SCHEMA, userName));

        assertThat(found.status()).as("search: %s", found).isEqualTo(200);
        JsonNode user = found.json().path("Resources").path(0);
        assertThat(user.has("title")).isFalse();
        assertThat(user.has("emails")).isFalse();
        assertThat(user.path("name").path("givenName").asString()).isEqualTo("Kim");
    }

    @Test
    @DisplayName("RFC 7644 3.9: attributes applies to the resource a POST returns")
    void attributesOnCreate() {
        Response created = scim.post("/Users?attributes=userName", """
                {"schemas": ["%s"], "userName": "%s", "title": "Engineer"}
                """.formatted(USER_SCHEMA, uniquePrefix("projected") + "@example.com"));

        assertThat(created.status()).as("create: %s", created).isEqualTo(201);
        assertThat(created.json().path("id").asString()).isNotBlank();
        assertThat(created.json().has("title")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.9: excludedAttributes applies to the resource a PATCH returns")
    void excludedAttributesOnPatch() {
        String id = createUser(scim, uniquePrefix("projected") + "@example.com");

        Response patched = scim.patch("/Users/" + id + "?excludedAttributes=title", patch(
                "{\"op\": \"add\", \"path\": \"title\", \"value\": \"Engineer\"}"));

        assertThat(patched.status()).as("patch: %s", patched).isEqualTo(200);
        assertThat(patched.json().has("title")).isFalse();
        assertThat(read("/Users/" + id).path("title").asString()).isEqualTo("Engineer");
    }

    @Test
    @DisplayName("RFC 7643 4.1.1: password is never returned")
    void passwordNeverReturned() {
        Response created = scim.post("/Users", """
                {"schemas": ["%s"], "userName": "%s", "password": "t1meMa$heen"}
                """.formatted(USER_SCHEMA, uniquePrefix("password") + "@example.com"));

        assertThat(created.status()).as("create: %s", created).isEqualTo(201);
        assertThat(created.json().has("password")).isFalse();
        String id = created.json().path("id").asString();
        assertThat(read("/Users/" + id).has("password")).isFalse();
        assertThat(read("/Users/" + id + "?attributes=password").has("password")).isFalse();
    }

    private static JsonNode read(String path) {
        Response answer = scim.get(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
        return answer.json();
    }
}
