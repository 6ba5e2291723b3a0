package io.scimsync.schemas.resource;

import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.AttributeType;
import io.scimsync.schemas.model.Mutability;
import io.scimsync.schemas.model.Returned;
import io.scimsync.schemas.model.Uniqueness;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks attribute values against their definitions and returns them in canonical form, the form
 * the store keeps and responses carry:
 *
 * <ul>
 *   <li>null, {@code ""}, and arrays or objects left empty by these rules are absent;
 *   <li>sub-attribute names take the schema's spelling, read-only sub-attributes are dropped, and
 *       an unknown sub-attribute is an {@code invalidValue} error;
 *   <li>booleans may arrive as the strings {@code "True"} or {@code "False"} in any case, as Entra
 *       ID sends them;
 *   <li>a multi-valued attribute given a single value gets a one-element array, and at most one
 *       of its values may have {@code primary} true;
 *   <li>a complex value given as a bare string becomes {@code {"value": string}} when the
 *       attribute has a {@code value} sub-attribute ({@code members}, {@code manager});
 *   <li>a single-valued complex attribute with a {@code value} sub-attribute refers to another
 *       resource (the enterprise {@code manager}). It also accepts a one-element array, as Entra
 *       sends {@code [{"$ref": ..., "value": id}]}, and keeps only {@code value}: the
 *       {@code $ref} a client sends is its own URL, and {@code displayName} is read-only;
 *   <li>a sub-attribute with {@code required} true ({@code members.value}) must be present in
 *       every value.
 * </ul>
 *
 * <p>Canonicalizing a canonical value returns an equal value.
 */
public final class AttributeValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_QUOTED_LENGTH = 60;

    private AttributeValues() {
    }

    /**
     * Returns the canonical form of the whole value of {@code attribute}, or null when the value
     * is empty.
     *
     * @param path the attribute's name as error messages quote it, such as {@code name.givenName}
     * @throws ScimException {@code invalidValue} naming the attribute when the value does not fit
     */
    public static JsonNode canonicalize(
            AttributeDefinition attribute, JsonNode value, String path) {
        if (isEmpty(value)) {
            return null;
        }
        if (attribute.multiValued()) {
            return canonicalArray(attribute, value, path);
        }
        if (value.isArray()) {
            return singleValueOfArray(attribute, value, path);
        }
        return canonicalizeValue(attribute, value, path);
    }

    /**
     * Returns the canonical form of one value of {@code attribute}: one element when the
     * attribute is multi-valued, or null when the value is empty.
     *
     * @throws ScimException {@code invalidValue} naming the attribute when the value does not fit
     */
    public static JsonNode canonicalizeValue(
            AttributeDefinition attribute, JsonNode value, String path) {
        if (isEmpty(value)) {
            return null;
        }
        return switch (attribute.type()) {
            case STRING, REFERENCE -> requireString(attribute, value, path);
            case BOOLEAN -> booleanValue(attribute, value, path);
            case INTEGER -> require(value.isIntegralNumber(), attribute, value, path);
            case DECIMAL -> require(value.isNumber(), attribute, value, path);
            case DATE_TIME -> require(isDateTime(value), attribute, value, path);
            case BINARY -> require(isBase64(value), attribute, value, path);
            case COMPLEX -> complexValue(attribute, value, path);
        };
    }

    /**
     * Returns whether two canonical values of {@code attribute} are the same value, which PATCH
     * uses to add without duplicates and to remove by value. Strings compare ignoring case unless
     * {@code caseExact}. Two complex values that both have a {@code value} sub-attribute are the
     * same when their {@code value}s are: {@code {"value": "x"}} is the same member as
     * {@code {"value": "x", "type": "User"}}. Other complex values are the same when they share
     * at least one sub-attribute other than {@code primary} and agree on every one they share.
     */
    public static boolean sameValue(AttributeDefinition attribute, JsonNode left, JsonNode right) {
        if (!attribute.isComplex()) {
            return equalValues(attribute, left, right);
        }
        Optional<AttributeDefinition> valueSub = attribute.subAttribute("value");
        if (valueSub.isPresent() && left.has("value") && right.has("value")) {
            return equalValues(valueSub.get(), left.get("value"), right.get("value"));
        }
        return agreeOnSharedSubAttributes(attribute, left, right);
    }

    private static boolean agreeOnSharedSubAttributes(
            AttributeDefinition attribute, JsonNode left, JsonNode right) {
        int shared = 0;
        for (AttributeDefinition sub : attribute.subAttributes()) {
            JsonNode leftSub = left.get(sub.name());
            JsonNode rightSub = right.get(sub.name());
            if (isPrimary(sub) || leftSub == null || rightSub == null) {
                continue;
            }
            if (!equalValues(sub, leftSub, rightSub)) {
                return false;
            }
            shared++;
        }
        return shared > 0;
    }

    /**
     * Returns a copy of {@code existing}, one canonical complex value or null, with the
     * sub-attributes of the object {@code changes} set in canonical form. A sub-attribute whose
     * new value is empty is removed, and read-only sub-attributes are ignored. Pass the result to
     * {@link #canonicalizeValue} to apply the rules that concern the whole value.
     *
     * @throws ScimException {@code invalidValue} for an unknown sub-attribute or a wrong type
     */
    public static ObjectNode mergeValue(
            AttributeDefinition attribute, JsonNode existing, JsonNode changes, String path) {
        ObjectNode merged = existing != null && existing.isObject()
                ? (ObjectNode) existing.deepCopy()
                : NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : changes.properties()) {
            AttributeDefinition sub = subAttribute(attribute, entry.getKey(), path);
            if (sub.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            JsonNode subValue = canonicalize(sub, entry.getValue(), path + "." + sub.name());
            if (subValue == null) {
                merged.remove(sub.name());
            } else {
                merged.set(sub.name(), subValue);
            }
        }
        return merged;
    }

    /** Returns whether {@code value} is absent, JSON null, or a string of whitespace only. */
    public static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isString() && value.asString().isBlank());
    }

    /**
     * Checks that at most one value of a multi-valued attribute has {@code primary} true.
     *
     * @throws ScimException {@code invalidValue} naming the attribute otherwise
     */
    public static void requireOnePrimaryAtMost(
            AttributeDefinition attribute, JsonNode values, String path) {
        long primaries = 0;
        for (JsonNode value : values) {
            primaries += isPrimaryValue(value) ? 1 : 0;
        }
        if (primaries > 1) {
            throw ScimException.invalidValue("attribute '" + path + "' has " + primaries
                    + " values with primary true; at most one value may be primary");
        }
    }

    /** Returns whether a canonical value of a multi-valued attribute has {@code primary} true. */
    public static boolean isPrimaryValue(JsonNode value) {
        JsonNode primary = value.get("primary");
        return primary != null && primary.isBoolean() && primary.booleanValue();
    }

    /** Returns the JSON type of {@code value} as messages name it: object, array, string, ... */
    public static String jsonTypeName(JsonNode value) {
        return value == null ? "nothing" : value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns whether a single-valued complex attribute refers to another resource by its
     * {@code value} sub-attribute, as the enterprise {@code manager} does.
     */
    public static boolean isResourceReference(AttributeDefinition attribute) {
        return attribute.isComplex() && !attribute.multiValued()
                && attribute.subAttribute("value").isPresent();
    }

    private static JsonNode canonicalArray(
            AttributeDefinition attribute, JsonNode value, String path) {
        ArrayNode values = NODES.arrayNode();
        for (JsonNode element : value.isArray() ? value : List.of(value)) {
            JsonNode canonical = canonicalizeValue(attribute, element, path);
            if (canonical != null) {
                values.add(canonical);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        requireOnePrimaryAtMost(attribute, values, path);
        return values;
    }

    private static JsonNode singleValueOfArray(
            AttributeDefinition attribute, JsonNode values, String path) {
        if (!attribute.isComplex() || values.size() > 1) {
            throw ScimException.invalidValue("attribute '" + path + "' is single-valued; expected "
                    + "one value, received an array of " + values.size());
        }
        return values.isEmpty() ? null : canonicalizeValue(attribute, values.get(0), path);
    }

    private static JsonNode complexValue(
            AttributeDefinition attribute, JsonNode value, String path) {
        JsonNode object = value.isString() && attribute.subAttribute("value").isPresent()
                ? NODES.objectNode().put("value", value.asString())
                : value;
        if (!object.isObject()) {
            throw typeMismatch(attribute, value, path);
        }
        ObjectNode canonical = canonicalSubAttributes(attribute, object, path);
        if (isResourceReference(attribute)) {
            canonical.retain("value");
        }
        requireSubAttributes(attribute, canonical, path);
        return canonical.isEmpty() ? null : canonical;
    }

    private static ObjectNode canonicalSubAttributes(
            AttributeDefinition attribute, JsonNode object, String path) {
        ObjectNode canonical = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            AttributeDefinition sub = subAttribute(attribute, entry.getKey(), path);
            if (sub.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            JsonNode subValue = canonicalize(sub, entry.getValue(), path + "." + sub.name());
            if (subValue != null) {
                canonical.set(sub.name(), subValue);
            }
        }
        return canonical;
    }

    private static AttributeDefinition subAttribute(
            AttributeDefinition attribute, String name, String path) {
        return attribute.subAttribute(name).orElseThrow(() -> ScimException.invalidValue(
                "attribute '" + path + "' has no sub-attribute '" + name + "'"));
    }

    private static void requireSubAttributes(
            AttributeDefinition attribute, ObjectNode canonical, String path) {
        for (AttributeDefinition sub : attribute.subAttributes()) {
            if (sub.required() && !canonical.has(sub.name())) {
                throw ScimException.invalidValue("attribute '" + path + "." + sub.name()
                        + "' is required in every value of '" + path + "'");
            }
        }
    }

    private static JsonNode requireString(
            AttributeDefinition attribute, JsonNode value, String path) {
        require(value.isString(), attribute, value, path);
        rejectControlCharacters(attribute, value.asString(), path);
        return value;
    }

    /**
     * Rejects control characters: none at all in identifiers (unique attributes, references and
     * {@code externalId}), and none but tab, line feed and carriage return elsewhere, where a
     * formatted address may span lines.
     */
    private static void rejectControlCharacters(
            AttributeDefinition attribute, String text, String path) {
        boolean identifier = attribute.uniqueness() != Uniqueness.NONE
                || attribute.type() == AttributeType.REFERENCE
                || attribute.name().equals("externalId");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
            if (Character.isISOControl(c) && (identifier || !lineBreak)) {
                throw ScimException.invalidValue("attribute '" + path + "' contains the control"
                        + " character U+" + String.format("%04X", (int) c) + " at index " + i
                        + "; remove it");
            }
        }
    }

    private static JsonNode booleanValue(
            AttributeDefinition attribute, JsonNode value, String path) {
        if (value.isBoolean()) {
            return value;
        }
        String text = value.isString() ? value.asString() : "";
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(text));
        }
        throw typeMismatch(attribute, value, path);
    }

    private static JsonNode require(
            boolean fits, AttributeDefinition attribute, JsonNode value, String path) {
        if (!fits) {
            throw typeMismatch(attribute, value, path);
        }
        return value;
    }

    private static boolean isDateTime(JsonNode value) {
        if (!value.isString()) {
            return false;
        }
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(value.asString());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isBase64(JsonNode value) {
        if (!value.isString()) {
            return false;
        }
        try {
            Base64.getDecoder().decode(value.asString().replaceAll("\\s", ""));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean equalValues(
            AttributeDefinition attribute, JsonNode left, JsonNode right) {
        if (left.isString() && right.isString() && !attribute.caseExact()) {
            return left.asString().equalsIgnoreCase(right.asString());
        }
        return left.equals(right);
    }

    private static boolean isPrimary(AttributeDefinition sub) {
        return sub.name().equals("primary");
    }

    private static ScimException typeMismatch(
            AttributeDefinition attribute, JsonNode value, String path) {
        return ScimException.invalidValue("attribute '" + path + "' expects "
                + expectedType(attribute) + ", received " + quote(attribute, value));
    }

    private static String expectedType(AttributeDefinition attribute) {
        return switch (attribute.type()) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean (true or false)";
            case DECIMAL -> "a decimal number";
            case INTEGER -> "an integer";
            case DATE_TIME -> "a dateTime string such as \"2024-05-01T12:00:00Z\"";
            case BINARY -> "a base64-encoded string";
            case REFERENCE -> "a reference (a URI string)";
            case COMPLEX -> "an object";
        };
    }

    /** Quotes a received value in a message, except values that are never returned (passwords). */
    private static String quote(AttributeDefinition attribute, JsonNode value) {
        if (attribute.returned() == Returned.NEVER) {
            return "a " + jsonTypeName(value) + " (not shown)";
        }
        String text = value.toString();
        if (text.length() <= MAX_QUOTED_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_QUOTED_LENGTH) + "...";
    }
}
