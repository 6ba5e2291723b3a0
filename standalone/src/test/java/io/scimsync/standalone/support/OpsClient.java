package io.scimsync.standalone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the ops API of a running application with the operator's admin token. */
public final class OpsClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final String baseUrl;
    private final String adminToken;

    /** @param baseUrl the application's base URL, such as {@code http://127.0.0.1:8080} */
    public OpsClient(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    /** The answer to one ops request, whatever its status. */
    public record Answer(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Sends {@code method} to {@code /ops/v1/tenants/<tenantId><path>}. */
    public Answer send(String method, String tenantId, String path, String body) {
        return sendTo(method, "/ops/v1/tenants/" + tenantId + path, body, adminToken);
    }

    public Answer get(String tenantId, String path) {
        return send("GET", tenantId, path, null);
    }

    public Answer post(String tenantId, String path, String body) {
        return send("POST", tenantId, path, body);
    }

    public Answer put(String tenantId, String path, String body) {
        return send("PUT", tenantId, path, body);
    }

    /** Sends a request to any path of the application, with {@code token} unless it is null. */
    public Answer sendTo(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }
}
