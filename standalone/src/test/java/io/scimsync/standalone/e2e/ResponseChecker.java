package io.scimsync.standalone.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.scimsync.standalone.e2e.ScimCase.Expectation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one response against a step's {@link Expectation} and lists every problem found. Values
 * in {@code json}, {@code json_ci} and {@code contains} may use placeholders; paths, {@code absent},
 * {@code len} and {@code header} are used as written.
 */
final class ResponseChecker {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * A response with its body parsed.
     *
     * @param json the body as JSON, or null when the body is empty, JSON {@code null} or not JSON
     * @param notJson whether a non-blank body failed to parse as JSON
     */
    record ParsedResponse(RawHttpClient.Response raw, JsonNode json, boolean notJson) {

        static ParsedResponse of(RawHttpClient.Response raw) {
            if (isBlank(raw.body())) {
                return new ParsedResponse(raw, null, false);
            }
            try {
                JsonNode json = JSON.readTree(raw.body());
                boolean isValue = json != null && !json.isNull() && !json.isMissingNode();
                return new ParsedResponse(raw, isValue ? json : null, false);
            } catch (JacksonException e) {
                return new ParsedResponse(raw, null, true);
            }
        }

        Optional<JsonNode> resolve(String path) {
            return json == null ? Optional.empty() : JsonPath.resolve(json, path);
        }

        private static boolean isBlank(byte[] body) {
            for (byte b : body) {
                if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Expectation expect;
    private final ParsedResponse response;
    private final CaseVariables variables;
    private final List<String> problems = new ArrayList<>();

    private ResponseChecker(Expectation expect, ParsedResponse response, CaseVariables variables) {
        this.expect = expect;
        this.response = response;
        this.variables = variables;
    }

    /**
     * Returns every problem of {@code response} against {@code expect}, empty when all checks pass.
     *
     * @throws CaseVariables.UnknownVariableException when an expected value names an unknown
     *     variable
     */
    static List<String> check(Expectation expect, ParsedResponse response, CaseVariables variables) {
        ResponseChecker checker = new ResponseChecker(expect, response, variables);
        checker.checkStatus();
        checker.checkBodyIsJson();
        checker.checkValues();
        checker.checkValuesIgnoringCase();
        checker.checkAbsent();
        checker.checkLengths();
        checker.checkContains();
        checker.checkHeaders();
        return List.copyOf(checker.problems);
    }

    private void checkStatus() {
        int status = response.raw().status();
        if (!expect.statuses().isEmpty() && !expect.statuses().contains(status)) {
            String expected = expect.statuses().size() == 1
                    ? expect.statuses().get(0).toString()
                    : expect.statuses().toString();
            problems.add("status " + status + ", expected " + expected);
        }
    }

    private void checkBodyIsJson() {
        if (response.notJson() && expect.readsBody()) {
            problems.add("body is not JSON");
        }
    }

    private void checkValues() {
        expect.json().forEach((path, value) -> {
            JsonNode expected = variables.fill(value);
            Optional<JsonNode> actual = response.resolve(path);
            if (!JsonValues.matches(expected, actual)) {
                problems.add(path + " = " + JsonValues.shown(actual) + ", expected " + expected);
            }
        });
    }

    private void checkValuesIgnoringCase() {
        expect.jsonIgnoringCase().forEach((path, value) -> {
            String expected = JsonValues.text(variables.fill(value));
            Optional<JsonNode> actual = response.resolve(path);
            boolean matches = actual.filter(JsonNode::isString)
                    .map(text -> lower(text.stringValue()).equals(lower(expected)))
                    .orElse(false);
            if (!matches) {
                problems.add(path + " = " + JsonValues.shown(actual) + ", expected \"" + expected
                        + "\" in any case");
            }
        });
    }

    /** Compares names exactly, so that a {@code Members} member does not pass for {@code members}. */
    private void checkAbsent() {
        for (String path : expect.absent()) {
            JsonNode json = response.json();
            if (json != null && JsonPath.resolve(json, path, true).isPresent()) {
                problems.add(path + " present, expected absent");
            }
        }
    }

    private void checkLengths() {
        expect.lengths().forEach((path, length) -> {
            Optional<JsonNode> actual = response.resolve(path);
            boolean isArray = actual.filter(JsonNode::isArray).isPresent();
            if (!isArray || actual.get().size() != length) {
                String size = isArray ? Integer.toString(actual.get().size())
                        : JsonValues.shown(actual);
                problems.add(path + " has " + size + " items, expected " + length);
            }
        });
    }

    private void checkContains() {
        expect.contains().forEach((path, items) -> {
            Optional<JsonNode> actual = response.resolve(path);
            for (JsonNode item : items) {
                JsonNode expected = variables.fill(item);
                boolean found = actual.filter(JsonNode::isArray)
                        .map(array -> array.valueStream()
                                .anyMatch(element -> matchesItem(expected, element)))
                        .orElse(false);
                if (!found) {
                    problems.add(path + " lacks " + expected);
                }
            }
        });
    }

    private void checkHeaders() {
        expect.headerPrefixes().forEach((name, prefix) -> {
            String value = response.raw().header(name);
            if (!(value == null ? "" : value).startsWith(prefix)) {
                String actual = value == null ? "(absent)" : "\"" + value + "\"";
                problems.add("header " + name + " = " + actual + ", expected \"" + prefix + "\"");
            }
        });
    }

    private static boolean matchesItem(JsonNode expected, JsonNode element) {
        return JsonValues.matches(expected, Optional.of(element));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * Stores the value at each capture path in {@code variables} and returns a problem for each
     * path that does not resolve.
     */
    static List<String> capture(Map<String, String> capture, ParsedResponse response,
            CaseVariables variables) {
        List<String> problems = new ArrayList<>();
        capture.forEach((name, path) -> {
            Optional<JsonNode> value = response.resolve(path);
            if (value.isPresent()) {
                variables.capture(name, value.get());
            } else {
                problems.add("cannot capture " + name + " from " + path);
            }
        });
        return problems;
    }
}
