package io.scimsync.standalone.e2e;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Resolves the dotted paths that case files use to point into a JSON response body.
 *
 * <ul>
 *   <li>{@code name.givenName}: one step per object member. Names compare ignoring case unless
 *       exact names are asked for.
 *   <li>{@code Resources.0.id}: a number steps into an array by index.
 *   <li>{@code emails[type=work].value}: {@code [key=value]} after a name picks the first object
 *       in that array whose {@code key} (itself a dotted path) has the text {@code value},
 *       ignoring case.
 *   <li>{@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department}: an object
 *       member whose name starts with {@code urn:} is one step, although it contains dots. The
 *       longest such member that the path starts with wins.
 * </ul>
 *
 * A path that does not lead anywhere resolves to {@link Optional#empty()}. A member whose value
 * is JSON {@code null} resolves to a {@code NullNode}, so it is present.
 */
final class JsonPath {

    private static final Pattern STEP =
            Pattern.compile("([^.\\[]+)(?:\\[([^=\\]]+)=([^\\]]*)\\])?(?:\\.|$)");
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");
    private static final String URN_PREFIX = "urn:";

    private JsonPath() {
    }

    /** Resolves {@code path} in {@code document}, ignoring the case of member names. */
    static Optional<JsonNode> resolve(JsonNode document, String path) {
        return resolve(document, path, false);
    }

    /**
     * Resolves {@code path} in {@code document}.
     *
     * @param exactNames whether member names must match exactly; selector keys inside
     *     {@code [key=value]} always ignore case
     */
    static Optional<JsonNode> resolve(JsonNode document, String path, boolean exactNames) {
        JsonNode current = document;
        String rest = path;
        while (!rest.isEmpty()) {
            String urnName = current.isObject() ? longestUrnMember(current, rest, exactNames) : null;
            if (urnName != null) {
                current = current.get(urnName);
                rest = rest.substring(Math.min(rest.length(), urnName.length() + 1));
                continue;
            }
            Matcher step = STEP.matcher(rest);
            if (!step.lookingAt()) {
                return Optional.empty();
            }
            rest = rest.substring(step.end());
            current = child(current, step.group(1), exactNames);
            if (current != null && step.group(2) != null) {
                current = select(current, step.group(2), step.group(3));
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** Returns the longest {@code urn:} member name that is the whole path or its first step. */
    private static String longestUrnMember(JsonNode object, String path, boolean exactNames) {
        String longest = null;
        for (String name : object.propertyNames()) {
            if (!name.toLowerCase(Locale.ROOT).startsWith(URN_PREFIX)) {
                continue;
            }
            String firstStep = path.substring(0, Math.min(path.length(), name.length() + 1));
            boolean matches = sameName(path, name, exactNames)
                    || sameName(firstStep, name + ".", exactNames);
            if (matches && (longest == null || name.length() > longest.length())) {
                longest = name;
            }
        }
        return longest;
    }

    private static JsonNode child(JsonNode node, String key, boolean exactNames) {
        if (node.isArray()) {
            if (!INDEX.matcher(key).matches()) {
                return null;
            }
            int index = Integer.parseInt(key);
            return index < node.size() ? node.get(index) : null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (sameName(member.getKey(), key, exactNames)) {
                    return member.getValue();
                }
            }
        }
        return null;
    }

    /** Returns the first object in {@code array} whose {@code key} has the text {@code value}. */
    private static JsonNode select(JsonNode array, String key, String value) {
        if (!array.isArray()) {
            return null;
        }
        String expected = value.toLowerCase(Locale.ROOT);
        for (JsonNode item : array) {
            boolean matches = item.isObject() && resolve(item, key)
                    .map(JsonValues::text)
                    .map(text -> text.toLowerCase(Locale.ROOT).equals(expected))
                    .orElse(false);
            if (matches) {
                return item;
            }
        }
        return null;
    }

    private static boolean sameName(String a, String b, boolean exact) {
        return exact ? a.equals(b) : a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
