package io.scimsync.standalone.conformance;

import static io.scimsync.standalone.conformance.ConformanceRequests.USER_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.assertScimError;
import static io.scimsync.standalone.conformance.ConformanceRequests.assertScimType;
import static io.scimsync.standalone.conformance.ConformanceRequests.createUser;
import static io.scimsync.standalone.conformance.ConformanceRequests.group;
import static io.scimsync.standalone.conformance.ConformanceRequests.uniquePrefix;
import static io.scimsync.standalone.conformance.ConformanceRequests.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The error responses of RFC 7644 3.12: the error body (schema, {@code status} as a string,
 * {@code detail}) and the HTTP status and {@code scimType} of each error a request to the
 * resource endpoints can raise. PATCH-only errors are in {@link PatchConformanceIT}, version
 * conflicts in {@link VersionsConformanceIT}.
 */
class ErrorsConformanceIT {

    private static StandaloneInstance standalone;
    private static ScimClient scim;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        scim = new ScimClient(standalone.scimUrl(),
                standalone.newTenantToken("errors-conformance").token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 7644 2, 3.12: a request without a token is 401 with a SCIM error")
    void missingTokenIsUnauthorized() {
        Map<String, String> withoutToken = new HashMap<>();
        withoutToken.put("Authorization", null);

        Response answer = scim.send("GET", "/Users", null, withoutToken);

        assertScimError(answer, 401);
        assertThat(answer.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    @Test
    @DisplayName("RFC 7644 2, 3.12: an unknown token is 401 with a SCIM error")
    void unknownTokenIsUnauthorized() {
        Response answer = new ScimClient(standalone.scimUrl(), "scim_unknown").get("/Users");

        assertScimError(answer, 401);
    }

    @Test
    @DisplayName("RFC 7644 3.4.1, 3.12: an unknown id is 404 on GET, PUT and DELETE")
    void unknownIdIsNotFound() {
        String path = "/Users/" + UUID.randomUUID();

        assertScimError(scim.get(path), 404);
        assertScimError(scim.send("PUT", path, user(uniquePrefix("put") + "@example.com"),
                Map.of()), 404);
        assertScimError(scim.delete(path), 404);
    }

    @Test
    @DisplayName("RFC 7644 3.6: a deleted resource is 404 afterwards, also to DELETE")
    void deletedResourceIsNotFound() {
        String id = createUser(scim, uniquePrefix("deleted") + "@example.com");

        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
        assertScimError(scim.get("/Users/" + id), 404);
        assertScimError(scim.delete("/Users/" + id), 404);
    }

    @Test
    @DisplayName("RFC 7644 3.12: an unknown endpoint is 404 with a SCIM error")
    void unknownEndpointIsNotFound() {
        assertScimError(scim.get("/Devices"), 404);
    }

    @Test
    @DisplayName("RFC 7644 3.3, 3.12: a taken userName is 409 uniqueness, in any letter case")
    void takenUserNameIsUniqueness() {
        String userName = uniquePrefix("taken") + "@example.com";
        createUser(scim, userName);

        Response answer = scim.post("/Users", user(userName.toUpperCase(Locale.ROOT)));

        JsonNode body = assertScimError(answer, 409);
        assertThat(body.path("scimType").asString()).isEqualTo("uniqueness");
    }

    @Test
    @DisplayName("RFC 7644 3.5.1, 3.12: a PUT to a taken userName is 409 uniqueness")
    void putToTakenUserNameIsUniqueness() {
        String taken = uniquePrefix("taken") + "@example.com";
        createUser(scim, taken);
        String id = createUser(scim, uniquePrefix("renamed") + "@example.com");

        Response answer = scim.send("PUT", "/Users/" + id, user(taken), Map.of());

        JsonNode body = assertScimError(answer, 409);
        assertThat(body.path("scimType").asString()).isEqualTo("uniqueness");
    }

    @Test
    @DisplayName("RFC 7644 3.12: a body that is not JSON is invalidSyntax")
    void malformedJsonIsInvalidSyntax() {
        assertScimType(scim.post("/Users", "{\"userName\": "), "invalidSyntax");
    }

    @Test
    @DisplayName("RFC 7644 3.3, 3.12: a missing required attribute is invalidValue")
    void missingRequiredIsInvalidValue() {
        assertScimType(scim.post("/Users", "{\"schemas\": [\"" + USER_SCHEMA + "\"]}"),
                "invalidValue");
        assertScimType(scim.post("/Groups", "{\"schemas\": [\"" + ConformanceRequests.GROUP_SCHEMA
                + "\"]}"), "invalidValue");
    }

    @Test
    @DisplayName("RFC 7644 3.12, RFC 7643 2.3: a value of the wrong type is invalidValue")
    void wrongTypeIsInvalidValue() {
        assertScimType(scim.post("/Users", """
                {"schemas": ["%s"], "userName": "%s", "active": "maybe"}
                """.formatted(USER_SCHEMA, uniquePrefix("typed") + "@example.com")),
                "invalidValue");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2, 3.12: a malformed filter is invalidFilter")
    void malformedFilterIsInvalidFilter() {
        assertScimType(scim.get("/Users?" + ScimClient.filterQuery("userName eq")),
                "invalidFilter");
    }

    @Test
    @DisplayName("RFC 7644 3.5.1, 3.12: a group member that does not exist is invalidValue")
    void unknownMemberIsRejected() {
        String displayName = uniquePrefix("errors group ");
        String groupId = ConformanceRequests.create(scim, "/Groups", group(displayName));

        Response answer = scim.send("PUT", "/Groups/" + groupId, """
                {"schemas": ["%s"], "displayName": "%s", "members": [{"value": "%s"}]}
                """.formatted(ConformanceRequests.GROUP_SCHEMA, displayName, UUID.randomUUID()),
                Map.of());

        assertScimType(answer, "invalidValue");
    }

    @Test
    @DisplayName("RFC 7644 3.11: /Me, which is not supported, is 501")
    void meIsNotImplemented() {
        assertScimError(scim.get("/Me"), 501);
    }

    @Test
    @DisplayName("RFC 7644 3.12: a rejected create stores nothing")
    void rejectedCreateStoresNothing() {
        String userName = uniquePrefix("rejected") + "@example.com";
        scim.post("/Users", """
                {"schemas": ["%s"], "userName": "%s", "active": "maybe"}
                """.formatted(USER_SCHEMA, userName));

        Response search = scim.get("/Users?" + ScimClient.filterQuery(
                "userName eq \"" + userName + "\""));

        assertThat(search.json().path("totalResults").asInt(-1)).isZero();
    }
}
