package io.scimsync.standalone.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 requests of the bench to one service root: SCIM requests with a tenant token, admin
 * and ops requests and the Prometheus scrape with the admin token. A request that fails on the
 * connection returns status 0, so the load phases count it as an unacknowledged write instead
 * of stopping.
 */
final class BenchHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String SCIM_JSON = "application/scim+json";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();
    private final String root;

    BenchHttp(String root) {
        this.root = root;
    }

    /** A status and body; status 0 means the request failed before a response arrived. */
    record Response(int status, String body) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    String root() {
        return root;
    }

    Response scim(String token, String method, String path, Object body) {
        return send(root + "/scim/v2" + path, token, method, body, SCIM_JSON);
    }

    Response findUser(String token, String userName) {
        String filter = "userName eq \"" + userName + "\"";
        return scim(token, "GET", "/Users?filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"), null);
    }

    Response admin(String adminToken, String method, String path, Object body) {
        return send(root + path, adminToken, method, body, "application/json");
    }

    private Response send(String url, String token, String method, Object body,
            String contentType) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "interrupted");
        }
    }
}
