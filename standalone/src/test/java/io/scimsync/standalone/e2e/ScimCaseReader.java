package io.scimsync.standalone.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.scimsync.standalone.e2e.ScimCase.Expectation;
import io.scimsync.standalone.e2e.ScimCase.Step;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a case file's JSON into a {@link ScimCase}. Unknown keys and values of the wrong type are
 * rejected, so that a misspelt check cannot pass by checking nothing.
 */
final class ScimCaseReader {

    private static final Set<String> STEP_KEYS = Set.of(
            "name", "method", "path", "body", "headers", "token", "raw", "expect", "capture");
    private static final Set<String> EXPECT_KEYS = Set.of(
            "status", "json", "json_ci", "absent", "len", "contains", "header");
    private static final Set<String> BODY_CHECKS = Set.of(
            "json", "json_ci", "absent", "len", "contains");

    private final String source;

    private ScimCaseReader(String source) {
        this.source = source;
    }

    /**
     * @param source where the JSON came from, for error messages
     * @throws IllegalArgumentException when the JSON is not a valid case file
     */
    static ScimCase read(JsonNode root, String source) {
        return new ScimCaseReader(source).readCase(root);
    }

    private ScimCase readCase(JsonNode root) {
        if (!root.isObject() || !root.path("name").isString() || !root.path("steps").isArray()) {
            throw invalid("the top level must be an object with a string \"name\" and an array"
                    + " \"steps\"");
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : root.get("steps")) {
            steps.add(readStep(step, steps.size() + 1));
        }
        return new ScimCase(root.get("name").stringValue(), List.copyOf(steps));
    }

    private Step readStep(JsonNode step, int number) {
        String where = "step " + number;
        requireObjectWithKeys(step, STEP_KEYS, where);
        String method = requiredString(step, "method", where);
        String path = requiredString(step, "path", where);
        String name = step.has("name") ? requiredString(step, "name", where) : method + " " + path;
        where = "step " + number + " (" + name + ")";
        return new Step(name, method, path, step.get("body"),
                readMap(step, "headers", where, ScimCaseReader::stringNodeOrNullNode),
                step.has("token") ? requiredString(step, "token", where) : "default",
                readRaw(step, where),
                readExpectation(step.get("expect"), where + " expect"),
                readMap(step, "capture", where, ScimCaseReader::stringOrNull));
    }

    private Expectation readExpectation(JsonNode expect, String where) {
        if (expect == null) {
            return readExpectation(JsonNodeFactory.instance.objectNode(), where);
        }
        requireObjectWithKeys(expect, EXPECT_KEYS, where);
        return new Expectation(
                readStatuses(expect.get("status"), where),
                readMap(expect, "json", where, Function.identity()),
                readMap(expect, "json_ci", where, Function.identity()),
                readStrings(expect.get("absent"), where + " absent"),
                readMap(expect, "len", where, ScimCaseReader::intOrNull),
                readMap(expect, "contains", where, ScimCaseReader::itemsOrNull),
                readMap(expect, "header", where, ScimCaseReader::stringOrNull),
                BODY_CHECKS.stream().anyMatch(expect::has));
    }

    private List<Integer> readStatuses(JsonNode status, String where) {
        if (status == null || status.isNull()) {
            return List.of();
        }
        List<Integer> statuses = new ArrayList<>();
        Iterable<JsonNode> codes = status.isArray() ? status : List.of(status);
        for (JsonNode code : codes) {
            if (!code.isIntegralNumber() || !code.canConvertToInt()) {
                throw invalid(where + " status must be a status code or an array of them, got "
                        + status);
            }
            statuses.add(code.asInt());
        }
        return List.copyOf(statuses);
    }

    private List<String> readStrings(JsonNode array, String where) {
        if (array == null) {
            return List.of();
        }
        if (!array.isArray() || array.valueStream().anyMatch(item -> !item.isString())) {
            throw invalid(where + " must be an array of strings, got " + array);
        }
        return array.valueStream().map(JsonNode::stringValue).toList();
    }

    /**
     * Reads the object under {@code key} into a map, converting each value; a converter returns
     * null for a value of the wrong type.
     */
    private <T> Map<String, T> readMap(JsonNode parent, String key, String where,
            Function<JsonNode, T> converter) {
        JsonNode object = parent.get(key);
        if (object == null) {
            return Map.of();
        }
        if (!object.isObject()) {
            throw invalid(where + " " + key + " must be an object, got " + object);
        }
        Map<String, T> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            T value = converter.apply(member.getValue());
            if (value == null) {
                throw invalid(where + " " + key + "." + member.getKey()
                        + " has a value of the wrong type: " + member.getValue());
            }
            map.put(member.getKey(), value);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Accepts a string or a JSON null, which stays a node because it means "leave out". */
    private static JsonNode stringNodeOrNullNode(JsonNode value) {
        return value.isString() || value.isNull() ? value : null;
    }

    private static String stringOrNull(JsonNode value) {
        return value.isString() ? value.stringValue() : null;
    }

    private static Integer intOrNull(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt() ? value.asInt() : null;
    }

    private static List<JsonNode> itemsOrNull(JsonNode value) {
        return value.isArray() ? value.valueStream().toList() : null;
    }

    private boolean readRaw(JsonNode step, String where) {
        JsonNode raw = step.get("raw");
        if (raw == null) {
            return false;
        }
        if (!raw.isBoolean()) {
            throw invalid(where + " raw must be true or false, got " + raw);
        }
        return raw.booleanValue();
    }

    private void requireObjectWithKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw invalid(where + " must be an object, got " + node);
        }
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                throw invalid(where + " has the unknown key \"" + key + "\"; known keys: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private String requiredString(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isString()) {
            throw invalid(where + " needs a string \"" + key + "\", got " + value);
        }
        return value.stringValue();
    }

    private IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("Invalid case file " + source + ": " + problem);
    }
}
