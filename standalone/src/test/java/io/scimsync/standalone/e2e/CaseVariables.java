package io.scimsync.standalone.e2e;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code {{name}}} placeholders of one replay of a case file.
 *
 * <ul>
 *   <li>{@code {{uuid}}}: a new random UUID at each occurrence.
 *   <li>{@code {{rand}}}: 12 new random hex digits at each occurrence.
 *   <li>{@code {{run}}}: 8 random hex digits, the same for the whole replay; {@code {{RUN}}} is
 *       the same value in capitals.
 *   <li>{@code {{env_NAME}}}: the environment variable {@code NAME}.
 *   <li>any other name: a value captured by an earlier step.
 * </ul>
 */
final class CaseVariables {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{(\\w+)\\}\\}", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String ENVIRONMENT_PREFIX = "env_";

    private final Map<String, JsonNode> values = new HashMap<>();
    private final UnaryOperator<String> environment;

    /** @param environment returns an environment variable's value, or null when it is not set */
    CaseVariables(UnaryOperator<String> environment) {
        this.environment = environment;
        String run = randomHex(8);
        values.put("run", JsonNodeFactory.instance.stringNode(run));
        values.put("RUN", JsonNodeFactory.instance.stringNode(run.toUpperCase(Locale.ROOT)));
    }

    void capture(String name, JsonNode value) {
        values.put(name, value);
    }

    /**
     * Replaces every placeholder in {@code text}. A captured value that is not a string is
     * written as its JSON text.
     *
     * @throws UnknownVariableException when a placeholder names a variable that was never
     *     captured or an environment variable that is not set
     */
    String fill(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        return placeholder.replaceAll(match -> Matcher.quoteReplacement(valueOf(match.group(1))));
    }

    /** Returns a copy of {@code node} with the placeholders in its strings replaced; names stay. */
    JsonNode fill(JsonNode node) {
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(fill(node.stringValue()));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(fill(item)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.forEachEntry((name, value) -> copy.set(name, fill(value)));
            return copy;
        }
        return node;
    }

    private String valueOf(String name) {
        if (name.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (name.equals("rand")) {
            return randomHex(12);
        }
        if (name.startsWith(ENVIRONMENT_PREFIX)) {
            return environmentVariable(name.substring(ENVIRONMENT_PREFIX.length()));
        }
        JsonNode value = values.get(name);
        if (value == null) {
            throw new UnknownVariableException("variable " + name + " was never captured");
        }
        return JsonValues.text(value);
    }

    private String environmentVariable(String name) {
        String value = environment.apply(name);
        if (value == null) {
            throw new UnknownVariableException("environment variable " + name + " is not set");
        }
        return value;
    }

    private static String randomHex(int digits) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, digits);
    }

    /** A placeholder that names no known value; the step that uses it fails. */
    static final class UnknownVariableException extends RuntimeException {

        UnknownVariableException(String message) {
            super(message);
        }
    }
}
