package io.scimsync.standalone.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.scimsync.standalone.e2e.ResponseChecker.ParsedResponse;
import io.scimsync.standalone.e2e.CaseVariables.UnknownVariableException;
import io.scimsync.standalone.e2e.ScimCase.Step;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a case file against a SCIM base URL and checks each response. A case file is JSON:
 *
 * <pre>
 * {"name": "...", "steps": [
 *   {"name": "create", "method": "POST", "path": "/Users?filter=userName eq \"{{run}}\"",
 *    "body": {...} or "raw text", "headers": {"Accept": null}, "token": "none" | "bad" | "...",
 *    "raw": false,
 *    "expect": {"status": 201 or [200, 204],
 *               "json": {"name.givenName": "Alice"}, "json_ci": {"userName": "ALICE"},
 *               "absent": ["Resources.0.members"], "len": {"Resources": 0},
 *               "contains": {"groups": [{"value": "{{g}}"}]},
 *               "header": {"Content-Type": "application/scim+json"}},
 *    "capture": {"alice": "id"}}]}
 * </pre>
 *
 * <p>Each step is sent with {@code Authorization: Bearer <token>} (the tenant token unless
 * {@code token} names another), {@code Accept: application/scim+json} unless the step names an
 * {@code Accept} header, and {@code Content-Type: application/scim+json; charset=utf-8} when it
 * has a body. A header given as null is left out; no {@code User-Agent} is sent unless a step
 * sets one. A JSON body and the path, headers and token may use the placeholders of
 * {@link CaseVariables}; a string body is sent as written. Query values of the path are
 * percent-encoded as {@link RequestTarget} describes unless {@code raw} is true. Dotted paths are
 * resolved by {@link JsonPath} and values compared by {@link JsonValues}. Captures run only when
 * every check of the step passed.
 *
 * <p>All steps run even after a failure; a step that uses a value an earlier step failed to
 * capture fails with a message naming the variable.
 */
public final class CaseReplayer {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SHOWN_BODY_LENGTH = 600;
    private static final String SCIM_JSON = "application/scim+json";

    private final RawHttpClient http;
    private final String scimPath;
    private final String token;
    private final UnaryOperator<String> environment;

    /**
     * @param scimUrl the SCIM base URL, such as {@code http://127.0.0.1:8080/scim/v2}
     * @param token the tenant token that steps without a {@code token} key send
     */
    public CaseReplayer(String scimUrl, String token) {
        this(scimUrl, token, System::getenv);
    }

    CaseReplayer(String scimUrl, String token, UnaryOperator<String> environment) {
        this.http = new RawHttpClient(URI.create(scimUrl), REQUEST_TIMEOUT);
        this.scimPath = URI.create(scimUrl).getRawPath();
        this.token = token;
        this.environment = environment;
    }

    /**
     * Reads a case file from the class path.
     *
     * @throws IllegalArgumentException when the resource is missing or not a valid case file
     */
    public static ScimCase load(String classpathResource) {
        try (InputStream in = CaseReplayer.class.getClassLoader()
                .getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("No case file " + classpathResource
                        + " on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), classpathResource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read case file " + classpathResource, e);
        }
    }

    /**
     * Reads a case file from its JSON text.
     *
     * @param source where the text came from, for error messages
     * @throws IllegalArgumentException when the text is not a valid case file
     */
    public static ScimCase parse(String json, String source) {
        try {
            return ScimCaseReader.read(JSON.readTree(json), source);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Case file " + source + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Sends every step of {@code scimCase} in order and returns one result per step. */
    public List<StepResult> replay(ScimCase scimCase) {
        CaseVariables variables = new CaseVariables(environment);
        List<StepResult> results = new ArrayList<>();
        for (Step step : scimCase.steps()) {
            results.add(replay(step, results.size() + 1, variables));
        }
        return List.copyOf(results);
    }

    private StepResult replay(Step step, int number, CaseVariables variables) {
        String request = step.method() + " " + step.path();
        try {
            String target = variables.fill(step.path());
            target = step.raw() ? target : RequestTarget.encode(target);
            byte[] body = body(step, variables);
            request = describeRequest(step.method(), scimPath + target, body);
            Map<String, String> headers = headers(step, variables);
            ParsedResponse response =
                    ParsedResponse.of(http.send(step.method(), target, headers, body));
            List<String> problems = new ArrayList<>(
                    ResponseChecker.check(step.expect(), response, variables));
            if (problems.isEmpty()) {
                problems.addAll(ResponseChecker.capture(step.capture(), response, variables));
            }
            return new StepResult(number, step.name(), response.raw().status(),
                    List.copyOf(problems), request, describeResponse(response.raw()));
        } catch (UnknownVariableException | IllegalArgumentException e) {
            return failedWithoutResponse(step, number, request, e.getMessage());
        } catch (IOException e) {
            return failedWithoutResponse(step, number, request, "no response: " + e);
        }
    }

    private static StepResult failedWithoutResponse(Step step, int number, String request,
            String problem) {
        return new StepResult(number, step.name(), -1, List.of(problem), request, "(none)");
    }

    /** Returns the JSON body with placeholders filled, a string body as written, or null. */
    private static byte[] body(Step step, CaseVariables variables) {
        if (step.body() == null) {
            return null;
        }
        String text = step.body().isString()
                ? step.body().stringValue()
                : JSON.writeValueAsString(variables.fill(step.body()));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> headers(Step step, CaseVariables variables) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (step.headers().keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            headers.put("Accept", SCIM_JSON);
        }
        String authorization = authorization(variables.fill(step.token()));
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (step.body() != null) {
            headers.put("Content-Type", SCIM_JSON + "; charset=utf-8");
        }
        step.headers().forEach((name, value) -> {
            headers.keySet().removeIf(name::equalsIgnoreCase);
            if (!value.isNull()) {
                headers.put(name, variables.fill(value.stringValue()));
            }
        });
        return headers;
    }

    private String authorization(String stepToken) {
        return switch (stepToken) {
            case "default" -> "Bearer " + token;
            case "bad" -> "Bearer not-a-valid-token";
            case "none" -> null;
            default -> "Bearer " + stepToken;
        };
    }

    private static String describeRequest(String method, String target, byte[] body) {
        String line = method + " " + target;
        return body == null ? line : line + " " + shorten(new String(body, StandardCharsets.UTF_8));
    }

    private static String describeResponse(RawHttpClient.Response response) {
        return response.status() + " " + shorten(new String(response.body(), StandardCharsets.UTF_8));
    }

    private static String shorten(String text) {
        return text.length() > SHOWN_BODY_LENGTH
                ? text.substring(0, SHOWN_BODY_LENGTH) + "..."
                : text;
    }
}
