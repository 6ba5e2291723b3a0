package io.scimsync.standalone.conformance;

import static io.scimsync.standalone.conformance.ConformanceRequests.ENTERPRISE_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.USER_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.assertScimType;
import static io.scimsync.standalone.conformance.ConformanceRequests.create;
import static io.scimsync.standalone.conformance.ConformanceRequests.createUser;
import static io.scimsync.standalone.conformance.ConformanceRequests.group;
import static io.scimsync.standalone.conformance.ConformanceRequests.patch;
import static io.scimsync.standalone.conformance.ConformanceRequests.uniquePrefix;
import static io.scimsync.standalone.conformance.ConformanceRequests.valuesIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PATCH of RFC 7644 3.5.2: the add, remove and replace operations on single-valued,
 * multi-valued and complex attributes, value-filter paths, path-less operations, atomicity and
 * the errors an operation raises. Every test patches a user or group of its own.
 */
class PatchConformanceIT {

    private static StandaloneInstance standalone;
    private static ScimClient scim;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        scim = new ScimClient(standalone.scimUrl(),
                standalone.newTenantToken("patch-conformance").token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.1: add sets a single-valued attribute")
    void addSetsSingleValuedAttribute() {
        String id = newUser();

        JsonNode user = patched(id, "{\"op\": \"add\", \"path\": \"nickName\", \"value\": \"Kim\"}");

        assertThat(user.path("nickName").asString()).isEqualTo("Kim");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.1: add appends to a multi-valued attribute")
    void addAppendsToMultiValuedAttribute() {
        String id = newUser();
        patched(id, addEmail("first@example.com", "work"));

        JsonNode user = patched(id, addEmail("second@example.com", "home"));

        assertThat(valuesIn(user.path("emails"), "value"))
                .containsExactly("first@example.com", "second@example.com");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.1: add without path merges the value's attributes")
    void addWithoutPathMerges() {
        String id = newUser();

        JsonNode user = patched(id, """
                {"op": "add", "value": {"title": "Engineer", "name": {"givenName": "Kim"}}}""");

        assertThat(user.path("title").asString()).isEqualTo("Engineer");
        assertThat(user.path("name").path("givenName").asString()).isEqualTo("Kim");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.1: add of an extension attribute by its URN path")
    void addExtensionAttributeByUrn() {
        String id = newUser();

        JsonNode user = patched(id, """
                {"op": "add", "path": "%s:department", "value": "Sales"}"""
                .formatted(ENTERPRISE_SCHEMA));

        assertThat(user.path(ENTERPRISE_SCHEMA).path("department").asString()).isEqualTo("Sales");
        assertThat(user.path("schemas").toString()).contains(ENTERPRISE_SCHEMA);
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.3: replace sets a sub-attribute and keeps its siblings")
    void replaceSubAttributeKeepsSiblings() {
        String id = newUser();
        patched(id, """
                {"op": "add", "path": "name", "value": {"givenName": "Kim", "familyName": "Lee"}}""");

        JsonNode user = patched(id, """
                {"op": "replace", "path": "name.givenName", "value": "Kimberly"}""");

        assertThat(user.path("name").path("givenName").asString()).isEqualTo("Kimberly");
        assertThat(user.path("name").path("familyName").asString()).isEqualTo("Lee");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.3: replace of a complex value leaves unnamed sub-attributes")
    void replaceComplexLeavesUnnamedSubAttributes() {
        String id = newUser();
        patched(id, """
                {"op": "add", "path": "name", "value": {"givenName": "Kim", "familyName": "Lee"}}""");

        JsonNode user = patched(id, """
                {"op": "replace", "path": "name", "value": {"familyName": "Park"}}""");

        assertThat(user.path("name").path("familyName").asString()).isEqualTo("Park");
        assertThat(user.path("name").path("givenName").asString()).isEqualTo("Kim");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.3: replace through a value filter changes matching values only")
    void replaceThroughValueFilter() {
        String id = newUser();
        patched(id, addEmail("old@work.example", "work"), addEmail("keep@home.example", "home"));

        JsonNode user = patched(id, """
                {"op": "replace", "path": "emails[type eq \\"work\\"].value",
                 "value": "new@work.example"}""");

        assertThat(valuesIn(user.path("emails"), "value"))
                .containsExactly("new@work.example", "keep@home.example");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.3: replace without path replaces the named attributes")
    void replaceWithoutPath() {
        String id = newUser();
        patched(id, "{\"op\": \"add\", \"path\": \"title\", \"value\": \"Engineer\"}");

        JsonNode user = patched(id, """
                {"op": "replace", "value": {"title": "Manager", "active": false}}""");

        assertThat(user.path("title").asString()).isEqualTo("Manager");
        assertThat(user.path("active").asBoolean(true)).isFalse();
    }

    /**
     * RFC 7644 3.5.2.3 requires 400 {@code noTarget} when a value filter of a replace matches
     * nothing. This service adds the element instead, as documented in the README, because
     * Entra sends {@code replace emails[type eq "work"].value} to users that have no work email
     * and expects the address to be set.
     */
    @Test
    @DisplayName("RFC 7644 3.5.2.3 (documented deviation): replace on an unmatched filter adds")
    void replaceOnUnmatchedFilterAdds() {
        String id = newUser();

        JsonNode user = patched(id, """
                {"op": "replace", "path": "emails[type eq \\"work\\"].value",
                 "value": "added@work.example"}""");

        assertThat(user.path("emails").path(0).path("value").asString())
                .isEqualTo("added@work.example");
        assertThat(user.path("emails").path(0).path("type").asString()).isEqualTo("work");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.2: remove unassigns a single-valued attribute")
    void removeUnassignsAttribute() {
        String id = newUser();
        patched(id, "{\"op\": \"add\", \"path\": \"title\", \"value\": \"Engineer\"}");

        JsonNode user = patched(id, "{\"op\": \"remove\", \"path\": \"title\"}");

        assertThat(user.has("title")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.2: remove through a value filter removes matching values only")
    void removeThroughValueFilter() {
        String id = newUser();
        patched(id, addEmail("gone@work.example", "work"), addEmail("kept@home.example", "home"));

        JsonNode user = patched(id, """
                {"op": "remove", "path": "emails[type eq \\"work\\"]"}""");

        assertThat(valuesIn(user.path("emails"), "value"))
                .containsExactly("kept@home.example");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.2: remove of a whole multi-valued attribute")
    void removeWholeMultiValuedAttribute() {
        String id = newUser();
        patched(id, addEmail("one@work.example", "work"), addEmail("two@home.example", "home"));

        JsonNode user = patched(id, "{\"op\": \"remove\", \"path\": \"emails\"}");

        assertThat(user.has("emails")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.2: remove without path is noTarget")
    void removeWithoutPathIsNoTarget() {
        String id = newUser();

        assertScimType(scim.patch("/Users/" + id, patch("{\"op\": \"remove\"}")), "noTarget");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2: a readOnly attribute is mutability")
    void readOnlyAttributeIsMutability() {
        String id = newUser();

        Response answer = scim.patch("/Users/" + id,
                patch("{\"op\": \"replace\", \"path\": \"id\", \"value\": \"chosen\"}"));

        assertScimType(answer, "mutability");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2: an undefined attribute path is invalidPath")
    void undefinedPathIsInvalidPath() {
        String id = newUser();

        Response answer = scim.patch("/Users/" + id,
                patch("{\"op\": \"add\", \"path\": \"shoeSize\", \"value\": \"9\"}"));

        assertScimType(answer, "invalidPath");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2: an op other than add, remove or replace is rejected")
    void unknownOpIsRejected() {
        String id = newUser();

        Response answer = scim.patch("/Users/" + id,
                patch("{\"op\": \"move\", \"path\": \"title\", \"value\": \"x\"}"));

        assertScimType(answer, "invalidSyntax");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2: the body must name the PatchOp schema")
    void bodyWithoutPatchOpSchemaIsInvalidSyntax() {
        String id = newUser();

        Response answer = scim.patch("/Users/" + id, """
                {"Operations": [{"op": "add", "path": "title", "value": "x"}]}""");

        assertScimType(answer, "invalidSyntax");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2: operations are atomic; one failure applies none")
    void failedOperationAppliesNone() {
        String id = newUser();

        Response answer = scim.patch("/Users/" + id, patch(
                "{\"op\": \"replace\", \"path\": \"title\", \"value\": \"applied?\"}",
                "{\"op\": \"replace\", \"path\": \"active\", \"value\": \"not a boolean\"}"));

        assertScimType(answer, "invalidValue");
        assertThat(scim.get("/Users/" + id).json().has("title")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 3.5.2: operations apply in order")
    void operationsApplyInOrder() {
        String id = newUser();

        JsonNode user = patched(id,
                "{\"op\": \"add\", \"path\": \"title\", \"value\": \"first\"}",
                "{\"op\": \"remove\", \"path\": \"title\"}",
                "{\"op\": \"add\", \"path\": \"title\", \"value\": \"third\"}");

        assertThat(user.path("title").asString()).isEqualTo("third");
    }

    @Test
    @DisplayName("RFC 7644 3.5.2: a successful PATCH is 200 with the resource, or 204")
    void successIsResourceOrNoContent() {
        String id = newUser();

        Response answer = scim.patch("/Users/" + id,
                patch("{\"op\": \"add\", \"path\": \"title\", \"value\": \"x\"}"));

        assertThat(answer.status()).isIn(200, 204);
        if (answer.status() == 200) {
            assertThat(answer.json().path("id").asString()).isEqualTo(id);
        }
    }

    @Test
    @DisplayName("RFC 7644 3.5.2.1, 3.5.2.2: group members are added and removed by filter")
    void groupMembersAddedAndRemoved() {
        String first = newUser();
        String second = newUser();
        String groupId = create(scim, "/Groups", group(uniquePrefix("patch group ")));

        Response added = scim.patch("/Groups/" + groupId, patch("""
                {"op": "add", "path": "members", "value": [{"value": "%s"}, {"value": "%s"}]}"""
                .formatted(first, second)));
        Response removed = scim.patch("/Groups/" + groupId, patch("""
                {"op": "remove", "path": "members[value eq \\"%s\\"]"}""".formatted(first)));

        assertThat(added.status()).as("add: %s", added).isIn(200, 204);
        assertThat(removed.status()).as("remove: %s", removed).isIn(200, 204);
        JsonNode group = scim.get("/Groups/" + groupId).json();
        assertThat(valuesIn(group.path("members"), "value")).containsExactly(second);
    }

    @Test
    @DisplayName("RFC 7644 3.5.2: PATCH of an unknown id is 404")
    void unknownIdIsNotFound() {
        Response answer = scim.patch("/Users/" + UUID.randomUUID(),
                patch("{\"op\": \"add\", \"path\": \"title\", \"value\": \"x\"}"));

        ConformanceRequests.assertScimError(answer, 404);
    }

    private static String newUser() {
        return createUser(scim, uniquePrefix("patch") + "@example.com");
    }

    private static String addEmail(String value, String type) {
        return """
                {"op": "add", "path": "emails", "value": [{"value": "%s", "type": "%s"}]}"""
                .formatted(value, type);
    }

    /** Sends one PATCH of {@code operations}, checks the 200 and returns the resource. */
    private static JsonNode patched(String id, String... operations) {
        Response answer = scim.patch("/Users/" + id, patch(operations));
        assertThat(answer.status()).as("PATCH: %s", answer).isEqualTo(200);
        assertThat(answer.json().path("schemas").toString()).contains(USER_SCHEMA);
        return answer.json();
    }
}
