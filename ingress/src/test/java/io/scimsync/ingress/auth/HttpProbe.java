package io.scimsync.ingress.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends real HTTP/1.1 requests to the test server on loopback; never follows redirects. */
public final class HttpProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final String baseUrl;

    public HttpProbe(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
    }

    /** Sends an admin request with the configured admin token and, if given, a JSON body. */
    public HttpResponse<String> admin(String method, String path, String jsonBody) {
        HttpRequest.Builder request = request(path)
                .header("Authorization", "Bearer " + AuthTestApplication.ADMIN_TOKEN);
        if (jsonBody == null) {
            return send(request.method(method, BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(jsonBody)));
    }

    /** Sends a SCIM GET with the given {@code Authorization} header value, or none if null. */
    public HttpResponse<String> scimGet(String path, String authorization) {
        HttpRequest.Builder request = request(path).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a response", e);
        }
    }

    public JsonNode json(HttpResponse<String> response) {
        return mapper.readTree(response.body());
    }
}
