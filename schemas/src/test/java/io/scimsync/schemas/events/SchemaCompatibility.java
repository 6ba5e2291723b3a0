package io.scimsync.schemas.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Finds the changes between a released event schema and the current one that would break a
 * consumer. Two kinds of consumer count: one written against the released version reading new
 * events, and a current one reading events written under the released version, which the
 * compacted {@code identity.state} topic keeps for years. So the check flags:
 *
 * <ul>
 *   <li>a required property that is no longer required, or a new required property;
 *   <li>a removed property, or a new one where the released version forbade other properties;
 *   <li>a changed {@code type}, {@code const}, {@code pattern}, {@code format} or length bound;
 *   <li>an enum value removed or added;
 *   <li>{@code additionalProperties} tightened;
 *   <li>an event type whose released schema has no current one.
 * </ul>
 *
 * It understands the keywords the event schemas use and reports any other keyword, so that a
 * schema using one is not passed unchecked.
 */
final class SchemaCompatibility {

    private static final Set<String> ANNOTATIONS =
            Set.of("$schema", "$id", "$comment", "title", "description", "examples");
    private static final List<String> EXACT = List.of("const", "pattern", "format", "minLength",
            "maxLength", "minItems", "uniqueItems");
    private static final Set<String> STRUCTURE = Set.of("type", "required", "properties",
            "additionalProperties", "items", "enum");

    private SchemaCompatibility() {
    }

    /** Returns the released type suffixes that have no current schema. */
    static List<String> removedTypes(Set<String> released, Set<String> current) {
        return new TreeSet<>(released).stream()
                .filter(suffix -> !current.contains(suffix))
                .map(suffix -> "event type '" + suffix + "' was released but has no current schema")
                .toList();
    }

    /** Returns one message per breaking change, each naming the JSON pointer of the schema part. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("", released, current, problems);
        return problems;
    }

    private static void compare(String at, JsonNode released, JsonNode current,
            List<String> problems) {
        rejectUnknownKeywords(at, released, problems);
        rejectUnknownKeywords(at, current, problems);
        compareTypes(at, released, current, problems);
        compareExact(at, released, current, problems);
        compareEnums(at, released, current, problems);
        compareRequired(at, released, current, problems);
        compareProperties(at, released, current, problems);
        compareAdditionalProperties(at, released, current, problems);
        if (released.has("items") || current.has("items")) {
            if (released.has("items") && current.has("items")) {
                compare(at + "/items", released.get("items"), current.get("items"), problems);
            } else {
                problems.add(at + ": 'items' was added or removed");
            }
        }
    }

    private static void rejectUnknownKeywords(String at, JsonNode schema, List<String> problems) {
        for (String keyword : schema.propertyNames()) {
            if (!ANNOTATIONS.contains(keyword) && !EXACT.contains(keyword)
                    && !STRUCTURE.contains(keyword)) {
                problems.add(at + ": keyword '" + keyword
                        + "' is not checked for compatibility; extend SchemaCompatibility first");
            }
        }
    }

    private static void compareTypes(String at, JsonNode released, JsonNode current,
            List<String> problems) {
        Set<String> before = strings(released.get("type"));
        Set<String> after = strings(current.get("type"));
        if (!before.equals(after)) {
            problems.add(at + ": type changed from " + before + " to " + after);
        }
    }

    private static void compareExact(String at, JsonNode released, JsonNode current,
            List<String> problems) {
        for (String keyword : EXACT) {
            JsonNode before = released.get(keyword);
            JsonNode after = current.get(keyword);
            if (before == null ? after != null : !before.equals(after)) {
                problems.add(at + ": '" + keyword + "' changed from " + before + " to " + after);
            }
        }
    }

    private static void compareEnums(String at, JsonNode released, JsonNode current,
            List<String> problems) {
        if (!released.has("enum") && !current.has("enum")) {
            return;
        }
        if (!released.has("enum") || !current.has("enum")) {
            problems.add(at + ": 'enum' was added or removed");
            return;
        }
        Set<String> before = strings(released.get("enum"));
        Set<String> after = strings(current.get("enum"));
        for (String value : before) {
            if (!after.contains(value)) {
                problems.add(at + ": enum value '" + value + "' removed");
            }
        }
        for (String value : after) {
            if (!before.contains(value)) {
                problems.add(at + ": enum value '" + value
                        + "' added, which consumers of the released version do not know");
            }
        }
    }

    private static void compareRequired(String at, JsonNode released, JsonNode current,
            List<String> problems) {
        Set<String> before = strings(released.get("required"));
        Set<String> after = strings(current.get("required"));
        for (String name : before) {
            if (!after.contains(name)) {
                problems.add(at + ": required property '" + name + "' is no longer required");
            }
        }
        for (String name : after) {
            if (!before.contains(name)) {
                problems.add(at + ": property '" + name + "' became required, but events"
                        + " written under the released version may lack it");
            }
        }
    }

    private static void compareProperties(String at, JsonNode released, JsonNode current,
            List<String> problems) {
        JsonNode before = released.path("properties");
        JsonNode after = current.path("properties");
        for (String name : before.propertyNames()) {
            String path = at + "/properties/" + name;
            if (!after.has(name)) {
                problems.add(path + ": property removed");
            } else {
                compare(path, before.get(name), after.get(name), problems);
            }
        }
        boolean releasedClosed = isFalse(released.get("additionalProperties"));
        for (String name : after.propertyNames()) {
            if (!before.has(name) && releasedClosed) {
                problems.add(at + "/properties/" + name + ": property added, but the released"
                        + " version forbids additional properties");
            }
        }
    }

    private static void compareAdditionalProperties(String at, JsonNode released,
            JsonNode current, List<String> problems) {
        JsonNode before = released.get("additionalProperties");
        JsonNode after = current.get("additionalProperties");
        boolean releasedOpen = before == null || before.isBoolean() && before.booleanValue();
        boolean currentOpen = after == null || after.isBoolean() && after.booleanValue();
        if (releasedOpen && !currentOpen || before != null && before.isObject() && isFalse(after)) {
            problems.add(at + ": additionalProperties tightened from " + before + " to " + after);
        } else if (before != null && before.isObject() && after != null && after.isObject()) {
            compare(at + "/additionalProperties", before, after, problems);
        }
    }

    private static boolean isFalse(JsonNode value) {
        return value != null && value.isBoolean() && !value.booleanValue();
    }

    /** Returns a string or an array of strings as a set; an absent value as the empty set. */
    private static Set<String> strings(JsonNode value) {
        Set<String> values = new LinkedHashSet<>();
        if (value == null) {
            return values;
        }
        if (value.isArray()) {
            value.forEach(element -> values.add(element.asString()));
        } else {
            values.add(value.asString());
        }
        return values;
    }
}
