package io.scimsync.standalone.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7) against the standalone application over HTTP. Each test
 * checks what the BulkResponse reports against what a later GET returns. The application runs
 * with the default limits, 1000 operations and 1 MiB per bulk request.
 */
class BulkConformanceIT {

    private static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    private static final int MAX_OPERATIONS = 1000;
    private static final int MAX_PAYLOAD_SIZE = 1_048_576;
    private static final int MAX_REQUEST_BYTES = 524_288;

    private static StandaloneInstance standalone;
    private static ScimClient scim;
    private static ScimClient otherTenant;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        scim = new ScimClient(standalone.scimUrl(), standalone.newTenantToken("bulk").token());
        otherTenant = new ScimClient(standalone.scimUrl(),
                standalone.newTenantToken("bulk-other").token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 7644 3.7.2: a group member given as bulkId is the user created before it")
    void groupMemberReferencesUserCreatedBefore() {
        String userName = unique("member") + "@example.com";
        String displayName = unique("team");

        Response response = bulk(null,
                postUser("alice", userName),
                """
                {"method": "POST", "path": "/Groups", "bulkId": "team",
                 "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                          "displayName": "%s", "members": [{"value": "bulkId:alice"}]}}
                """.formatted(displayName));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("schemas").path(0).asString()).isEqualTo(BULK_RESPONSE);
        JsonNode user = operation(response, 0);
        JsonNode group = operation(response, 1);
        assertThat(user.path("method").asString()).isEqualTo("POST");
        assertThat(user.path("bulkId").asString()).isEqualTo("alice");
        assertThat(user.path("status").asString()).isEqualTo("201");
        assertThat(user.path("version").asString()).isEqualTo("W/\"1\"");
        assertThat(user.path("location").asString()).startsWith(standalone.scimUrl() + "/Users/");
        assertThat(group.path("status").asString()).isEqualTo("201");
        String userId = idOf(user);
        String groupId = idOf(group);
        JsonNode storedGroup = scim.get("/Groups/" + groupId).json();
        assertThat(storedGroup.path("displayName").asString()).isEqualTo(displayName);
        assertThat(storedGroup.path("members").path(0).path("value").asString()).isEqualTo(userId);
        JsonNode storedUser = scim.get("/Users/" + userId).json();
        assertThat(storedUser.path("userName").asString()).isEqualTo(userName);
        assertThat(storedUser.path("groups").path(0).path("value").asString()).isEqualTo(groupId);
    }

    @Test
    @DisplayName("RFC 7644 3.7: PUT, PATCH and DELETE of one request run in request order")
    void putPatchAndDeleteRunInOrder() {
        String first = createUser(unique("first"));
        String second = createUser(unique("second"));
        String renamed = unique("renamed") + "@example.com";

        Response response = bulk(null,
                """
                {"method": "PUT", "path": "/Users/%s", "version": "W/\\"1\\"",
                 "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                          "userName": "%s", "title": "replaced"}}
                """.formatted(first, renamed),
                """
                {"method": "PATCH", "path": "/Users/%s", "version": "W/\\"2\\"",
                 "data": {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                          "Operations": [{"op": "replace", "path": "title", "value": "patched"}]}}
                """.formatted(first),
                """
                {"method": "DELETE", "path": "/Users/%s"}
                """.formatted(second));

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response)).containsExactly("200", "200", "204");
        assertThat(operation(response, 0).path("version").asString()).isEqualTo("W/\"2\"");
        assertThat(operation(response, 1).path("version").asString()).isEqualTo("W/\"3\"");
        assertThat(operation(response, 2).path("location").asString())
                .isEqualTo(standalone.scimUrl() + "/Users/" + second);
        JsonNode stored = scim.get("/Users/" + first).json();
        assertThat(stored.path("userName").asString()).isEqualTo(renamed);
        assertThat(stored.path("title").asString()).isEqualTo("patched");
        assertThat(stored.path("meta").path("version").asString()).isEqualTo("W/\"3\"");
        assertThat(scim.get("/Users/" + second).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("RFC 7644 3.7.3: failOnErrors 1 stops after the first error; the rest neither"
            + " run nor are listed")
    void failOnErrorsStopsAfterFirstError() {
        String userName = unique("never") + "@example.com";

        Response response = bulk(1,
                "{\"method\": \"DELETE\", \"path\": \"/Users/" + UUID.randomUUID() + "\"}",
                postUser("never", userName));

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response)).containsExactly("404");
        JsonNode error = operation(response, 0).path("response");
        assertThat(error.path("status").asString()).isEqualTo("404");
        assertThat(error.path("schemas").path(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(usersNamed(userName)).isZero();
    }

    @Test
    @DisplayName("RFC 7644 3.7.3: failOnErrors 2 runs on past the first error and stops at the"
            + " second")
    void failOnErrorsCountsErrors() {
        String keptUserName = unique("kept") + "@example.com";
        String skippedUserName = unique("skipped") + "@example.com";

        Response response = bulk(2,
                "{\"method\": \"DELETE\", \"path\": \"/Users/" + UUID.randomUUID() + "\"}",
                postUser("kept", keptUserName),
                "{\"method\": \"DELETE\", \"path\": \"/Groups/" + UUID.randomUUID() + "\"}",
                postUser("skipped", skippedUserName));

        assertThat(statuses(response)).containsExactly("404", "201", "404");
        assertThat(usersNamed(keptUserName)).isEqualTo(1);
        assertThat(usersNamed(skippedUserName)).isZero();
    }

    @Test
    @DisplayName("RFC 7644 3.7: without failOnErrors every operation runs, past failures")
    void withoutFailOnErrorsAllOperationsRun() {
        String takenUserName = unique("taken") + "@example.com";
        createUserNamed(takenUserName);
        String freshUserName = unique("fresh") + "@example.com";

        Response response = bulk(null, postUser("dup", takenUserName),
                postUser("fresh", freshUserName));

        assertThat(statuses(response)).containsExactly("409", "201");
        JsonNode duplicate = operation(response, 0);
        assertThat(duplicate.path("response").path("scimType").asString()).isEqualTo("uniqueness");
        assertThat(duplicate.has("location")).isFalse();
        assertThat(usersNamed(takenUserName)).isEqualTo(1);
        assertThat(usersNamed(freshUserName)).isEqualTo(1);
    }

    @Test
    @DisplayName("RFC 7644 3.7.1: POSTs that reference each other fail with 409 and create nothing")
    void circularReferencesFailWithConflict() {
        String nameA = unique("circle-a");
        String nameB = unique("circle-b");

        Response response = bulk(null, postGroup("a", nameA, "bulkId:b"),
                postGroup("b", nameB, "bulkId:a"));

        assertThat(statuses(response)).containsExactly("409", "409");
        assertThat(operation(response, 0).path("response").path("detail").asString())
                .contains("circular reference");
        assertThat(groupsNamed(nameA)).isZero();
        assertThat(groupsNamed(nameB)).isZero();
    }

    @Test
    @DisplayName("RFC 7644 3.7.2: a reference to a failed POST or to an unknown bulkId fails"
            + " with 409")
    void unresolvableReferencesFailWithConflict() {
        String groupName = unique("orphans");

        Response response = bulk(null,
                """
                {"method": "POST", "path": "/Users", "bulkId": "broken",
                 "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}}
                """,
                postGroup("orphans", groupName, "bulkId:broken"),
                "{\"method\": \"DELETE\", \"path\": \"/Users/bulkId:nobody\"}");

        assertThat(statuses(response)).containsExactly("400", "409", "409");
        JsonNode failedReference = operation(response, 1).path("response");
        assertThat(failedReference.path("scimType").asString()).isEqualTo("invalidValue");
        assertThat(failedReference.path("detail").asString()).contains("'broken'").contains("failed");
        JsonNode unknown = operation(response, 2);
        assertThat(unknown.path("response").path("detail").asString()).contains("'nobody'");
        assertThat(unknown.has("location")).isFalse();
        assertThat(groupsNamed(groupName)).isZero();
    }

    @Test
    @DisplayName("RFC 7644 3.7: an operation's version acts as If-Match; a stale one is 412")
    void staleVersionFailsOperation() {
        String id = createUser(unique("versioned"));

        Response response = bulk(null, """
                {"method": "PATCH", "path": "/Users/%s", "version": "W/\\"9\\"",
                 "data": {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                          "Operations": [{"op": "replace", "path": "title", "value": "stale"}]}}
                """.formatted(id));

        assertThat(statuses(response)).containsExactly("412");
        assertThat(operation(response, 0).path("location").asString()).endsWith("/Users/" + id);
        JsonNode stored = scim.get("/Users/" + id).json();
        assertThat(stored.has("title")).isFalse();
        assertThat(stored.path("meta").path("version").asString()).isEqualTo("W/\"1\"");
    }

    @Test
    @DisplayName("RFC 7644 3.7.3: a malformed operation is 400 naming it, and nothing runs")
    void malformedOperationRunsNothing() {
        String userName = unique("not-run") + "@example.com";

        Response response = bulk(null, postUser("first", userName),
                "{\"method\": \"GET\", \"path\": \"/Users\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("status").asString()).isEqualTo("400");
        assertThat(response.json().path("scimType").asString()).isEqualTo("invalidValue");
        assertThat(response.json().path("detail").asString()).contains("Operations[1].method");
        assertThat(usersNamed(userName)).isZero();
    }

    @Test
    @DisplayName("RFC 7644 3.7.3: a POST without bulkId is 400 naming the field")
    void postWithoutBulkIdIsRejected() {
        Response response = scim.post("/Bulk", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                 "Operations": [{"method": "POST", "path": "/Users", "data": {"userName": "x"}}]}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("Operations[0].bulkId");
    }

    @Test
    @DisplayName("RFC 7644 3.7.4: more operations than maxOperations is 413 naming the limit")
    void tooManyOperationsIsPayloadTooLarge() {
        String userName = unique("over-limit") + "@example.com";
        List<String> operations = new ArrayList<>();
        operations.add(postUser("first", userName));
        for (int i = 0; i < MAX_OPERATIONS; i++) {
            operations.add("{\"method\": \"DELETE\", \"path\": \"/Users/" + i + "\"}");
        }

        Response response = bulk(null, operations.toArray(String[]::new));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("status").asString()).isEqualTo("413");
        assertThat(response.json().path("detail").asString())
                .contains("maxOperations (" + MAX_OPERATIONS + ")");
        assertThat(usersNamed(userName)).isZero();
    }

    @Test
    @DisplayName("RFC 7644 3.7.4: a body larger than maxPayloadSize is 413 naming the limit")
    void largerBodyThanMaxPayloadSizeIsPayloadTooLarge() {
        String userName = unique("too-big") + "@example.com";

        Response response = scim.post("/Bulk", padded(body(null, postUser("big", userName)),
                MAX_PAYLOAD_SIZE + 1));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("detail").asString())
                .contains("maxPayloadSize (" + MAX_PAYLOAD_SIZE + " bytes)");
        assertThat(usersNamed(userName)).isZero();
    }

    @Test
    @DisplayName("RFC 7644 3.7.4: a bulk body up to maxPayloadSize is accepted though it exceeds"
            + " the limit of other requests")
    void bodyWithinMaxPayloadSizeIsAccepted() {
        String userName = unique("large") + "@example.com";

        Response response = scim.post("/Bulk", padded(body(null, postUser("large", userName)),
                MAX_REQUEST_BYTES + 100_000));

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response)).containsExactly("201");
        assertThat(usersNamed(userName)).isEqualTo(1);
    }

    @Test
    @DisplayName("RFC 7644 4: ServiceProviderConfig advertises bulk with the enforced limits")
    void serviceProviderConfigAdvertisesBulk() {
        JsonNode bulk = scim.get("/ServiceProviderConfig").json().path("bulk");

        assertThat(bulk.path("supported").asBoolean()).isTrue();
        assertThat(bulk.path("maxOperations").asInt()).isEqualTo(MAX_OPERATIONS);
        assertThat(bulk.path("maxPayloadSize").asInt()).isEqualTo(MAX_PAYLOAD_SIZE);
    }

    @Test
    @DisplayName("RFC 7644 3.7: an operation on another tenant's resource is 404 and changes"
            + " nothing")
    void otherTenantsResourceIsNotFound() {
        String id = createUser(unique("isolated"));

        Response response = bulk(otherTenant, null,
                "{\"method\": \"DELETE\", \"path\": \"/Users/" + id + "\"}");

        assertThat(statuses(response)).containsExactly("404");
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("RFC 7644 2: a bulk request without a tenant token is 401")
    void bulkNeedsTenantToken() {
        ScimClient anonymous = new ScimClient(standalone.scimUrl(), "not-a-token");

        Response response = anonymous.post("/Bulk", body(null, postUser("x", unique("x"))));

        assertThat(response.status()).isEqualTo(401);
    }

    private static Response bulk(Integer failOnErrors, String... operations) {
        return bulk(scim, failOnErrors, operations);
    }

    private static Response bulk(ScimClient client, Integer failOnErrors, String... operations) {
        return client.post("/Bulk", body(failOnErrors, operations));
    }

    private static String body(Integer failOnErrors, String... operations) {
        String limit = failOnErrors == null ? "" : "\"failOnErrors\": " + failOnErrors + ", ";
        return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"], " + limit
                + "\"Operations\": [" + String.join(", ", operations) + "]}";
    }

    /** Returns {@code body} padded with trailing spaces, still valid JSON, to {@code bytes} bytes. */
    private static String padded(String body, int bytes) {
        return body + " ".repeat(bytes - body.length());
    }

    private static String postUser(String bulkId, String userName) {
        return """
                {"method": "POST", "path": "/Users", "bulkId": "%s",
                 "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                          "userName": "%s"}}
                """.formatted(bulkId, userName);
    }

    private static String postGroup(String bulkId, String displayName, String memberValue) {
        return """
                {"method": "POST", "path": "/Groups", "bulkId": "%s",
                 "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                          "displayName": "%s", "members": [{"value": "%s"}]}}
                """.formatted(bulkId, displayName, memberValue);
    }

    private static JsonNode operation(Response response, int index) {
        return response.json().path("Operations").path(index);
    }

    private static List<String> statuses(Response response) {
        List<String> statuses = new ArrayList<>();
        response.json().path("Operations").forEach(result ->
                statuses.add(result.path("status").asString()));
        return statuses;
    }

    private static String idOf(JsonNode result) {
        String location = result.path("location").asString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String createUser(String prefix) {
        return createUserNamed(prefix + "@example.com");
    }

    private static String createUserNamed(String userName) {
        Response created = scim.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}
                """.formatted(userName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static int usersNamed(String userName) {
        return scim.get("/Users?" + ScimClient.filterQuery("userName eq \"" + userName + "\""))
                .json().path("totalResults").asInt();
    }

    private static int groupsNamed(String displayName) {
        return scim.get("/Groups?" + ScimClient.filterQuery("displayName eq \"" + displayName
                + "\"")).json().path("totalResults").asInt();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
