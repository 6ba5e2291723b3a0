package io.scimsync.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Tenant authentication of SCIM requests over real HTTP: tokens are issued and revoked through
 * the admin API, and the probe endpoint {@code /scim/v2/whoami} returns the tenant a request was
 * authenticated for.
 */
@SpringBootTest(classes = AuthTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "scimsync.admin-token=" + AuthTestApplication.ADMIN_TOKEN
        })
@ActiveProfiles(AuthTestApplication.PROFILE)
class AuthenticationIT {

    private static final String WHOAMI = "/scim/v2/whoami";
    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    @LocalServerPort
    private int port;

    @Autowired
    private MongoTemplate mongoTemplate;

    private HttpProbe http;

    @BeforeEach
    void createClient() {
        http = new HttpProbe(port);
    }

    @Test
    void validTokenReachesControllerWithItsTenant() {
        String tenantId = createTenant("whoami");
        JsonNode issued = issueToken(tenantId);

        HttpResponse<String> response = http.scimGet(WHOAMI, bearer(issued));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(http.json(response).get("tenantId").stringValue()).isEqualTo(tenantId);
        assertThat(http.json(response).get("tokenId").stringValue())
                .isEqualTo(issued.get("id").stringValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "Bearer"})
    void bearerSchemeIsCaseInsensitive(String scheme) {
        JsonNode issued = issueToken(createTenant("scheme-" + scheme));

        HttpResponse<String> response = http.scimGet(WHOAMI,
                scheme + " " + issued.get("token").stringValue());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void entraQueryParameterIsIgnored() {
        JsonNode issued = issueToken(createTenant("aad-option"));

        HttpResponse<String> response = http.scimGet(WHOAMI + "?aadOptscim062020",
                bearer(issued));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void missingTokenGetsScimError() {
        HttpResponse<String> response = http.scimGet(WHOAMI, null);
        JsonNode body = http.json(response);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/scim+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"scim\"");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(body.propertyNames()).containsExactly("schemas", "status", "detail");
        assertThat(body.get("schemas").valueStream().map(JsonNode::stringValue))
                .containsExactly(SCIM_ERROR);
        assertThat(body.get("status").isString()).isTrue();
        assertThat(body.get("status").stringValue()).isEqualTo("401");
        assertThat(body.get("detail").stringValue()).contains("Authorization: Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Bearer scim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "Bearer not-a-token",
        "Bearer " + AuthTestApplication.ADMIN_TOKEN
    })
    void unknownTokenIsUnauthorized(String authorization) {
        HttpResponse<String> response = http.scimGet(WHOAMI, authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"scim\", error=\"invalid_token\"");
        assertThat(http.json(response).get("status").stringValue()).isEqualTo("401");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "scim_token"})
    void malformedHeaderIsUnauthorized(String authorization) {
        HttpResponse<String> response = http.scimGet(WHOAMI, authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"scim\"");
    }

    @Test
    void browserGetsJsonNotHtml() {
        HttpResponse<String> response = http.send(http.request(WHOAMI)
                .header("Accept", "text/html")
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/scim+json");
        assertThat(response.body()).doesNotContain("<html");
    }

    @Test
    void unmappedScimPathNeedsTokenToo() {
        HttpResponse<String> response = http.scimGet("/scim/v2/NoSuchEndpoint", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2;x=1/whoami", "/scim/v2/./whoami", "/scim/x/../v2/whoami",
        "/scim/%76%32/whoami"})
    void unusualPathSpellingIsStillAuthenticated(String path) {
        HttpResponse<String> response = http.scimGet(path, null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void revokedTokenIsRejectedAtOnce() {
        String tenantId = createTenant("revoked");
        JsonNode issued = issueToken(tenantId);
        assertThat(http.scimGet(WHOAMI, bearer(issued)).statusCode()).isEqualTo(200);

        HttpResponse<String> revoke = http.admin("DELETE",
                tokensPath(tenantId) + "/" + issued.get("id").stringValue(), null);
        HttpResponse<String> afterRevoke = http.scimGet(WHOAMI, bearer(issued));

        assertThat(revoke.statusCode()).isEqualTo(204);
        assertThat(afterRevoke.statusCode()).isEqualTo(401);
        assertThat(http.json(afterRevoke).get("detail").stringValue()).contains("revoked");
    }

    @Test
    void tokenOfDeletedTenantIsRejected() {
        String tenantId = createTenant("deleted");
        JsonNode issued = issueToken(tenantId);

        mongoTemplate.remove(Query.query(Criteria.where("_id").is(tenantId)), "tenants");

        assertThat(http.scimGet(WHOAMI, bearer(issued)).statusCode()).isEqualTo(401);
    }

    @Test
    void successfulRequestRecordsLastUse() {
        String tenantId = createTenant("last-used");
        JsonNode issued = issueToken(tenantId);

        http.scimGet(WHOAMI, bearer(issued));

        JsonNode tokens = http.json(http.admin("GET", tokensPath(tenantId), null)).get("tokens");
        assertThat(tokens.get(0).get("lastUsedAt").isString()).isTrue();
    }

    /** Creates a tenant whose name starts with the prefix and is unique in this test run. */
    private String createTenant(String namePrefix) {
        String name = namePrefix + "-" + UUID.randomUUID();
        HttpResponse<String> response = http.admin("POST", "/admin/v1/tenants",
                "{\"name\": \"" + name + "\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return http.json(response).get("id").stringValue();
    }

    private JsonNode issueToken(String tenantId) {
        HttpResponse<String> response = http.admin("POST", tokensPath(tenantId), null);
        assertThat(response.statusCode()).isEqualTo(201);
        return http.json(response);
    }

    private static String bearer(JsonNode issued) {
        return "Bearer " + issued.get("token").stringValue();
    }

    private static String tokensPath(String tenantId) {
        return "/admin/v1/tenants/" + tenantId + "/tokens";
    }
}
