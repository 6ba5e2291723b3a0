package io.scimsync.standalone.e2e;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Comparison and display of JSON values for case expectations.
 *
 * <p>Equality is JSON equality: numbers compare by value ({@code 1} equals {@code 1.0}), a
 * boolean never equals a number, arrays compare item by item in order, and objects need the same
 * member names, compared exactly, with equal values.
 */
final class JsonValues {

    private static final int SHOWN_LENGTH = 120;

    private JsonValues() {
    }

    /**
     * Returns whether {@code actual} matches {@code expected}. An expected object matches when
     * each of its member names, read as a dotted path into {@code actual}, leads to a value that
     * matches the member's value, so extra members of {@code actual} do not matter. Any other
     * expected value must be equal.
     */
    static boolean matches(JsonNode expected, Optional<JsonNode> actual) {
        if (actual.isEmpty()) {
            return false;
        }
        if (!expected.isObject()) {
            return jsonEquals(expected, actual.get());
        }
        if (!actual.get().isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> member : expected.properties()) {
            if (!matches(member.getValue(), JsonPath.resolve(actual.get(), member.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static boolean jsonEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            return arraysEqual(a, b);
        }
        if (a.isObject() && b.isObject()) {
            return objectsEqual(a, b);
        }
        return a.getNodeType() == b.getNodeType() && a.equals(b);
    }

    private static boolean arraysEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<JsonNode> other = b.iterator();
        for (JsonNode item : a) {
            if (!jsonEquals(item, other.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectsEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> member : a.properties()) {
            JsonNode otherValue = b.get(member.getKey());
            if (otherValue == null || !jsonEquals(member.getValue(), otherValue)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the text that stands for {@code value} inside a string: a JSON string's own
     * characters, or the JSON text of any other value ({@code true}, {@code 42}, {@code null}).
     */
    static String text(JsonNode value) {
        return value.isString() ? value.stringValue() : value.toString();
    }

    /** Returns a value for a problem message: its JSON text cut at 120 characters, or "(absent)". */
    static String shown(Optional<JsonNode> value) {
        if (value.isEmpty()) {
            return "(absent)";
        }
        String json = value.get().toString();
        return json.length() > SHOWN_LENGTH ? json.substring(0, SHOWN_LENGTH) : json;
    }
}
