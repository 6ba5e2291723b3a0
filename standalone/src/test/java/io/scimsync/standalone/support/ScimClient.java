package io.scimsync.standalone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A SCIM client for tests: sends requests under one SCIM base URL with one tenant's bearer
 * token, {@code Accept: application/scim+json} and, when there is a body,
 * {@code Content-Type: application/scim+json; charset=utf-8}.
 */
public final class ScimClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCIM_JSON = "application/scim+json";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();
    private final String scimUrl;
    private final String token;

    /**
     * @param scimUrl the SCIM base URL, such as {@code http://127.0.0.1:8080/scim/v2}
     * @param token the tenant token sent as {@code Authorization: Bearer <token>}
     */
    public ScimClient(String scimUrl, String token) {
        this.scimUrl = scimUrl;
        this.token = token;
    }

    /**
     * Sends one request and returns the response, whatever its status.
     *
     * @param pathUnderScim the path after the SCIM base URL, such as {@code /Users?filter=...};
     *     query values must already be percent-encoded (see {@link #filterQuery(String)})
     * @param body the request body, or null for none
     * @param headers headers to add or replace; a null value leaves that header out
     * @throws UncheckedIOException when the request cannot be sent or the response not read
     */
    public Response send(String method, String pathUnderScim, String body,
            Map<String, String> headers) {
        HttpRequest request = buildRequest(method, pathUnderScim, body, headers);
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + request.uri(), e);
        }
    }

    public Response get(String pathUnderScim) {
        return send("GET", pathUnderScim, null, Map.of());
    }

    public Response post(String pathUnderScim, String body) {
        return send("POST", pathUnderScim, body, Map.of());
    }

    public Response patch(String pathUnderScim, String body) {
        return send("PATCH", pathUnderScim, body, Map.of());
    }

    public Response delete(String pathUnderScim) {
        return send("DELETE", pathUnderScim, null, Map.of());
    }

    /** Returns {@code filter=<filter>} with the filter percent-encoded, spaces as {@code %20}. */
    public static String filterQuery(String filter) {
        return "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest buildRequest(String method, String pathUnderScim, String body,
            Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", SCIM_JSON);
        if (body != null) {
            headers.put("Content-Type", SCIM_JSON + "; charset=utf-8");
        }
        extraHeaders.forEach((name, value) -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            if (value != null) {
                headers.put(name, value);
            }
        });
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(scimUrl + pathUnderScim))
                .timeout(REQUEST_TIMEOUT)
                .method(method, publisher);
        headers.forEach(builder::header);
        return builder.build();
    }

    /**
     * One response.
     *
     * @param status the HTTP status code
     * @param headers the response headers; their names compare case-insensitively
     * @param body the raw body, empty when there is none
     */
    public record Response(int status, HttpHeaders headers, String body) {

        /** Returns the body parsed as JSON, or null when it is empty or not JSON. */
        public JsonNode json() {
            if (body.isBlank()) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                return null;
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** Returns {@code <status> <body>}, for assertion messages. */
        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
