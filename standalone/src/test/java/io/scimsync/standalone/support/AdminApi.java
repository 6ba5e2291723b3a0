package io.scimsync.standalone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Creates tenants and tenant tokens through the admin API of a running standalone process. */
final class AdminApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();
    private final String baseUrl;
    private final String adminToken;

    AdminApi(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    /**
     * Creates a tenant named {@code tenantName} and issues one token for it.
     *
     * @throws IllegalStateException when either admin request gets a status other than 201
     */
    TenantCredentials createTenantWithToken(String tenantName) {
        ObjectNode tenantRequest = JSON.createObjectNode().put("name", tenantName);
        String tenantId = requiredText(post("/admin/v1/tenants", tenantRequest), "id");

        ObjectNode tokenRequest = JSON.createObjectNode().put("description", "end-to-end test");
        JsonNode token = post("/admin/v1/tenants/" + tenantId + "/tokens", tokenRequest);
        return new TenantCredentials(tenantId, requiredText(token, "token"));
    }

    private JsonNode post(String path, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " returned " + response.statusCode()
                    + " instead of 201: " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new IllegalStateException("POST " + path + " returned a body that is not JSON: "
                    + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " "
                    + request.uri(), e);
        }
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isString() || value.stringValue().isEmpty()) {
            throw new IllegalStateException("Admin API response has no \"" + field + "\": " + body);
        }
        return value.stringValue();
    }
}
