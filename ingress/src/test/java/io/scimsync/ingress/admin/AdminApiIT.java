package io.scimsync.ingress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.ingress.auth.AuthTestApplication;
import io.scimsync.ingress.auth.HttpProbe;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The admin API over real HTTP against an embedded MongoDB wire-protocol server. */
@SpringBootTest(classes = AuthTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "scimsync.admin-token=" + AuthTestApplication.ADMIN_TOKEN
        })
@ActiveProfiles(AuthTestApplication.PROFILE)
class AdminApiIT {

    @LocalServerPort
    private int port;

    private HttpProbe http;

    @BeforeEach
    void createClient() {
        http = new HttpProbe(port);
    }

    @Test
    void createTenantReturns201WithLocation() {
        HttpResponse<String> response = http.admin("POST", "/admin/v1/tenants",
                "{\"name\": \" acme-create \"}");
        JsonNode body = http.json(response);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(body.propertyNames()).containsExactly("id", "name");
        assertThat(body.get("name").stringValue()).isEqualTo("acme-create");
        assertThat(response.headers().firstValue("Location")).hasValue(
                "http://127.0.0.1:" + port + "/admin/v1/tenants/" + body.get("id").stringValue());
    }

    @Test
    void getTenantReturnsItsFields() {
        String tenantId = createTenant("acme-get");

        HttpResponse<String> response = http.admin("GET", "/admin/v1/tenants/" + tenantId, null);
        JsonNode body = http.json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.propertyNames()).containsExactly("id", "name", "createdAt");
        assertThat(body.get("id").stringValue()).isEqualTo(tenantId);
        assertThat(body.get("name").stringValue()).isEqualTo("acme-get");
        assertThat(body.get("createdAt").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void unknownTenantIsNotFound() {
        HttpResponse<String> response = http.admin("GET", "/admin/v1/tenants/nope", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"tenant nope not found\"}");
    }

    @Test
    void duplicateTenantNameIsConflict() {
        createTenant("acme-duplicate");

        HttpResponse<String> response = http.admin("POST", "/admin/v1/tenants",
                "{\"name\": \"ACME-Duplicate\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(http.json(response).get("field").stringValue()).isEqualTo("name");
        assertThat(http.json(response).get("error").stringValue())
                .contains("\"ACME-Duplicate\" is already taken");
    }

    @Test
    void issueTokenReturnsSecretOnce() {
        String tenantId = createTenant("acme-issue");

        HttpResponse<String> response = http.admin("POST", tokensPath(tenantId),
                "{\"description\": \"Entra\"}");
        JsonNode body = http.json(response);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body.propertyNames()).containsExactly("id", "token");
        assertThat(body.get("token").stringValue()).startsWith("scim_").hasSize(48);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:"
                + port + tokensPath(tenantId) + "/" + body.get("id").stringValue());
    }

    @Test
    void issueTokenAcceptsMissingOrEmptyBody() {
        String tenantId = createTenant("acme-no-description");

        HttpResponse<String> noBody = http.admin("POST", tokensPath(tenantId), null);
        HttpResponse<String> emptyObject = http.admin("POST", tokensPath(tenantId), "{}");

        assertThat(noBody.statusCode()).isEqualTo(201);
        assertThat(emptyObject.statusCode()).isEqualTo(201);
        assertThat(listTokens(tenantId)).extracting(token -> token.get("description").isNull())
                .containsExactly(true, true);
    }

    @Test
    void issueTokenForUnknownTenantIsNotFound() {
        HttpResponse<String> response = http.admin("POST", tokensPath("nope"), "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(http.json(response).get("error").stringValue())
                .isEqualTo("tenant nope not found");
    }

    @Test
    void listTokensShowsNoSecretOrHash() {
        String tenantId = createTenant("acme-list");
        String secret = issueToken(tenantId, "Entra");

        HttpResponse<String> response = http.admin("GET", tokensPath(tenantId), null);
        List<JsonNode> tokens = listTokens(tenantId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(http.json(response).propertyNames()).containsExactly("tokens");
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).propertyNames())
                .containsExactly("id", "description", "createdAt", "lastUsedAt");
        assertThat(tokens.get(0).get("description").stringValue()).isEqualTo("Entra");
        assertThat(tokens.get(0).get("lastUsedAt").isNull()).isTrue();
        assertThat(response.body()).doesNotContain(secret.substring(5));
    }

    @Test
    void listTokensOfUnknownTenantIsNotFound() {
        assertThat(http.admin("GET", tokensPath("nope"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void revokeTokenReturns204ThenNotFound() {
        String tenantId = createTenant("acme-revoke");
        http.admin("POST", tokensPath(tenantId), null);
        String tokenId = listTokens(tenantId).get(0).get("id").stringValue();

        HttpResponse<String> first = http.admin("DELETE", tokensPath(tenantId) + "/" + tokenId,
                null);
        HttpResponse<String> second = http.admin("DELETE", tokensPath(tenantId) + "/" + tokenId,
                null);

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(first.body()).isEmpty();
        assertThat(listTokens(tenantId)).isEmpty();
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(http.json(second).get("error").stringValue())
                .isEqualTo("token " + tokenId + " not found in tenant " + tenantId);
    }

    @Test
    void revokeTokenOfUnknownTenantIsNotFound() {
        HttpResponse<String> response = http.admin("DELETE", tokensPath("nope") + "/x", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(http.json(response).get("error").stringValue())
                .isEqualTo("tenant nope not found");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            malformed JSON    | `{"name": `             | body | malformed JSON at line 1
            array body        | `["acme"]`              | body | request body must be a JSON object, got array
            missing name      | `{}`                    | name | name is required
            null name         | `{"name": null}`        | name | name is required
            number name       | `{"name": 5}`           | name | name must be a JSON string, got number
            object name       | `{"name": {"x": 1}}`    | name | name must be a JSON string, got object
            blank name        | `{"name": "   "}`       | name | name is required and must not be blank
            misspelt field    | `{"nmae": "acme"}`      | nmae | unknown field "nmae"
            control character | `{"name": "a\\u0000b"}` | name | name must not contain control characters
            """)
    void invalidTenantBodyIsBadRequest(String scenario, String json, String field,
            String error) {
        HttpResponse<String> response = http.admin("POST", "/admin/v1/tenants", json);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.json(response).get("field").stringValue()).isEqualTo(field);
        assertThat(http.json(response).get("error").stringValue()).startsWith(error);
    }

    @Test
    void overlongTenantNameIsBadRequest() {
        HttpResponse<String> response = http.admin("POST", "/admin/v1/tenants",
                "{\"name\": \"" + "n".repeat(101) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.json(response).get("field").stringValue()).isEqualTo("name");
        assertThat(http.json(response).get("error").stringValue())
                .isEqualTo("name must be at most 100 characters, got 101");
    }

    @Test
    void missingTenantBodyIsBadRequest() {
        HttpResponse<String> response = http.admin("POST", "/admin/v1/tenants", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.json(response).get("field").stringValue()).isEqualTo("body");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            number value   | `{"description": 7}`      | description | description must be a JSON string, got number
            misspelt field | `{"descripton": "Entra"}` | descripton  | unknown field "descripton"
            malformed JSON | `{"description"}`         | body        | malformed JSON at line 1
            string body    | `"Entra"`                 | body        | request body must be a JSON object, got string
            """)
    void invalidTokenBodyIsBadRequest(String scenario, String json, String field,
            String error) {
        String tenantId = createTenant("acme-bad-token-" + scenario);

        HttpResponse<String> response = http.admin("POST", tokensPath(tenantId), json);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.json(response).get("field").stringValue()).isEqualTo(field);
        assertThat(http.json(response).get("error").stringValue()).startsWith(error);
    }

    @Test
    void overlongDescriptionIsBadRequest() {
        String tenantId = createTenant("acme-long-description");

        HttpResponse<String> response = http.admin("POST", tokensPath(tenantId),
                "{\"description\": \"" + "d".repeat(201) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.json(response).get("field").stringValue()).isEqualTo("description");
    }

    @Test
    void unsupportedContentTypeIsRejectedAsJson() {
        HttpResponse<String> response = http.send(http.request("/admin/v1/tenants")
                .header("Authorization", "Bearer " + AuthTestApplication.ADMIN_TOKEN)
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("name=acme")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(http.json(response).get("error").stringValue()).contains("text/plain");
    }

    @Test
    void missingAdminTokenIsUnauthorized() {
        HttpResponse<String> response = http.send(http.request("/admin/v1/tenants/x").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer realm=\"admin\"");
        assertThat(http.json(response).get("error").stringValue())
                .startsWith("missing admin token");
    }

    @Test
    void wrongAdminTokenIsUnauthorized() {
        HttpResponse<String> response = http.send(http.request("/admin/v1/tenants/x")
                .header("Authorization", "Bearer " + AuthTestApplication.ADMIN_TOKEN + "x")
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(http.json(response).get("error").stringValue())
                .startsWith("invalid admin token");
    }

    @Test
    void adminSchemeIsCaseInsensitive() {
        HttpResponse<String> response = http.send(http.request("/admin/v1/tenants/x")
                .header("Authorization", "bEaReR " + AuthTestApplication.ADMIN_TOKEN)
                .GET());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void tenantTokenDoesNotOpenAdminApi() {
        String secret = issueToken(createTenant("acme-not-admin"), null);

        HttpResponse<String> response = http.send(http.request("/admin/v1/tenants/x")
                .header("Authorization", "Bearer " + secret)
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void opsApiNeedsAdminToken() {
        HttpResponse<String> response = http.send(http.request("/ops/v1/quarantine").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(http.json(response).get("error").stringValue())
                .startsWith("missing admin token");
    }

    private String createTenant(String name) {
        HttpResponse<String> response = http.admin("POST", "/admin/v1/tenants",
                "{\"name\": \"" + name + "\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return http.json(response).get("id").stringValue();
    }

    private String issueToken(String tenantId, String description) {
        String body = description == null ? "{}" : "{\"description\": \"" + description + "\"}";
        HttpResponse<String> response = http.admin("POST", tokensPath(tenantId), body);
        assertThat(response.statusCode()).isEqualTo(201);
        return http.json(response).get("token").stringValue();
    }

    private List<JsonNode> listTokens(String tenantId) {
        JsonNode tokens = http.json(http.admin("GET", tokensPath(tenantId), null)).get("tokens");
        return tokens.valueStream().toList();
    }

    private static String tokensPath(String tenantId) {
        return "/admin/v1/tenants/" + tenantId + "/tokens";
    }
}
