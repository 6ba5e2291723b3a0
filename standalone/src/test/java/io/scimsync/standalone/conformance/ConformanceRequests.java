package io.scimsync.standalone.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Request bodies and small request steps shared by the conformance tests. */
final class ConformanceRequests {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE_SCHEMA =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_RESPONSE_SCHEMA =
            "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String SEARCH_REQUEST_SCHEMA =
            "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    private ConformanceRequests() {
    }

    /** Returns a prefix unique to one test, so that its filters see only its own resources. */
    static String uniquePrefix(String label) {
        return label + UUID.randomUUID().toString().substring(0, 8);
    }

    static String user(String userName) {
        return """
                {"schemas": ["%s"], "userName": "%s"}
                """.formatted(USER_SCHEMA, userName);
    }

    static String group(String displayName) {
        return """
                {"schemas": ["%s"], "displayName": "%s"}
                """.formatted(GROUP_SCHEMA, displayName);
    }

    /** Returns a PatchOp body around the given JSON operation objects. */
    static String patch(String... operations) {
        return """
                {"schemas": ["%s"], "Operations": [%s]}
                """.formatted(PATCH_OP_SCHEMA, String.join(", ", operations));
    }

    /** Creates a resource from {@code body} at {@code endpoint}, checks the 201, returns its id. */
    static String create(ScimClient scim, String endpoint, String body) {
        Response created = scim.post(endpoint, body);
        assertThat(created.status()).as("create at %s: %s", endpoint, created).isEqualTo(201);
        return created.json().path("id").asString();
    }

    static String createUser(ScimClient scim, String userName) {
        return create(scim, "/Users", user(userName));
    }

    /** Sends {@code GET /Users?filter=...} and checks that the response is a 200 ListResponse. */
    static JsonNode listUsers(ScimClient scim, String filter, String moreQuery) {
        Response list = scim.get("/Users?" + ScimClient.filterQuery(filter) + moreQuery);
        assertThat(list.status()).as("list of %s: %s", filter, list).isEqualTo(200);
        return list.json();
    }

    /** Returns the values of {@code attribute} of every resource in a ListResponse, in order. */
    static List<String> valuesOf(JsonNode list, String attribute) {
        return valuesIn(list.path("Resources"), attribute);
    }

    /** Returns the values of {@code attribute} of every element of a JSON array, in order. */
    static List<String> valuesIn(JsonNode array, String attribute) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(attribute).asString()));
        return values;
    }

    /** Checks the shape RFC 7644 3.12 gives every error response, and returns its body. */
    static JsonNode assertScimError(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type").orElse(""))
                .startsWith("application/scim+json");
        JsonNode body = response.json();
        assertThat(body).as("JSON error body of %s", response).isNotNull();
        assertThat(body.path("schemas").path(0).asString()).isEqualTo(ERROR_SCHEMA);
        assertThat(body.path("status").isString()).as("status is a JSON string").isTrue();
        assertThat(body.path("status").asString()).isEqualTo(Integer.toString(status));
        assertThat(body.path("detail").asString()).isNotBlank();
        return body;
    }

    /** Checks a 400 error with the given {@code scimType}. */
    static void assertScimType(Response response, String scimType) {
        JsonNode body = assertScimError(response, 400);
        assertThat(body.path("scimType").asString()).as("scimType of %s", response)
                .isEqualTo(scimType);
    }
}
