package io.scimsync.standalone.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that are malformed below or at the edge of SCIM get a SCIM error with a 4xx status,
 * never a 5xx, an HTML page or a stored change.
 */
class HostileRequestsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static StandaloneInstance standalone;
    private static TenantCredentials tenant;
    private static ScimClient scim;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        tenant = standalone.newTenantToken("hostile");
        scim = new ScimClient(standalone.scimUrl(), tenant.token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void malformedPercentEscapeIsInvalidSyntax() throws Exception {
        HttpResponse<String> answer = send(request("/Users?filter=%ff%fe").GET());

        assertScimError(answer, 400);
        assertThat(json(answer).path("scimType").asString()).isEqualTo("invalidSyntax");
    }

    @Test
    void overlongFilterIsInvalidFilter() {
        String filter = "userName eq \"" + "x".repeat(5000) + "\"";

        Response inUrl = scim.get("/Users?" + ScimClient.filterQuery(filter));
        Response inBody = scim.post("/Users/.search", "{\"schemas\": [\"urn:ietf:params:scim:api:"
                + "messages:2.0:SearchRequest\"], \"filter\": \"userName eq \\\"" + "x".repeat(5000)
                + "\\\"\"}");

        assertThat(inUrl.status()).as("GET: %s", inUrl).isEqualTo(400);
        assertThat(inUrl.json().path("scimType").asString()).isEqualTo("invalidFilter");
        assertThat(inUrl.json().path("detail").asString()).contains("more than the 4096 accepted");
        assertThat(inBody.status()).as(".search: %s", inBody).isEqualTo(400);
        assertThat(inBody.json().path("scimType").asString()).isEqualTo("invalidFilter");
    }

    @Test
    void wildcardContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> answer = send(request("/Users")
                .header("Content-Type", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(ScimRequests.user(userName()))));

        assertScimError(answer, 415);
    }

    @Test
    void textContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> answer = send(request("/Users")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(ScimRequests.user(userName()))));

        assertScimError(answer, 415);
    }

    @Test
    void oversizedBodyIsPayloadTooLarge() throws Exception {
        String body = ScimRequests.user("x".repeat(600_000));
        HttpResponse<String> answer = send(request("/Users")
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertScimError(answer, 413);
    }

    @Test
    void oversizedChunkedBodyIsPayloadTooLarge() throws Exception {
        byte[] body = ScimRequests.user("y".repeat(600_000)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(request("/Users")
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertScimError(answer, 413);
    }

    @Test
    void duplicateKeysAreInvalidSyntax() {
        String userName = userName();
        Response answer = scim.post("/Users", "{\"userName\": \"" + userName + "\","
                + " \"userName\": \"other." + userName + "\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("scimType").asString()).isEqualTo("invalidSyntax");
    }

    @Test
    void controlCharacterInUserNameIsInvalidValue() {
        Response answer = scim.post("/Users", ScimRequests.user("a\\u0000b." + userName()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("scimType").asString()).isEqualTo("invalidValue");
    }

    @Test
    void blankUserNameIsInvalidValue() {
        Response answer = scim.post("/Users", ScimRequests.user("   "));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("scimType").asString()).isEqualTo("invalidValue");
    }

    @Test
    void messageUrnAsExtensionIsInvalidValue() {
        Response answer = scim.post("/Users", "{\"userName\": \"" + userName() + "\","
                + " \"urn:ietf:params:scim:api:messages:2.0:Error\": {\"status\": \"500\"}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("scimType").asString()).isEqualTo("invalidValue");
    }

    @Test
    void nulInPathIsScimErrorNotHtml() throws Exception {
        HttpResponse<String> answer = send(request("/Users/a%00b").GET());

        assertScimError(answer, 400);
    }

    @Test
    void traceIsMethodNotAllowed() throws Exception {
        HttpResponse<String> answer = send(request("/Users")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));

        assertScimError(answer, 405);
    }

    @Test
    void twoAuthorizationHeadersAreRejected() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(standalone.scimUrl() + "/Users"))
                .header("Authorization", "Bearer " + tenant.token())
                .header("Authorization", "Bearer " + tenant.token())
                .GET());

        assertScimError(answer, 400);
    }

    @Test
    void trailingSlashOnIdFindsResource() {
        Response created = scim.post("/Users", ScimRequests.user(userName()));
        String id = created.json().path("id").asString();

        assertThat(scim.get("/Users/" + id + "/").status()).isEqualTo(200);
    }

    @Test
    void adminMethodErrorUsesAdminFormat() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(standalone.baseUrl() + "/admin/v1/tenants"))
                .header("Authorization", "Bearer " + standalone.adminToken())
                .GET());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json");
        assertThat(json(answer).path("error").asString()).isNotBlank();
    }

    @Test
    void rejectedRequestsStoreNothing() {
        String userName = userName();
        scim.post("/Users", "{\"userName\": \"" + userName + "\", \"active\": \"maybe\"}");
        scim.send("POST", "/Users", ScimRequests.user(userName), Map.of("Content-Type", "text/plain"));

        Response search = scim.get("/Users?"
                + ScimClient.filterQuery("userName eq \"" + userName + "\""));

        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().path("totalResults").asInt()).isZero();
    }

    private static HttpRequest.Builder request(String pathUnderScim) {
        return HttpRequest.newBuilder(URI.create(standalone.scimUrl() + pathUnderScim))
                .header("Authorization", "Bearer " + tenant.token());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertScimError(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/scim+json");
        JsonNode body = json(answer);
        assertThat(body.path("schemas").path(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(body.path("status").asString()).isEqualTo(Integer.toString(status));
        assertThat(body.path("detail").asString()).isNotBlank();
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }

    private static String userName() {
        return "hostile." + UUID.randomUUID() + "@example.com";
    }
}
