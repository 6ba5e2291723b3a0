package io.scimsync.ingress.admin;

import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON bodies of admin requests. Each body must be an object with only the documented
 * fields, and each field must be a JSON string. Jackson would otherwise coerce {@code 5} into
 * {@code "5"} and ignore a misspelt field. The tenant store checks the values themselves.
 */
final class AdminRequestBodies {

    static final String BODY = "body";

    private AdminRequestBodies() {
    }

    /** Reads {@code {"name": "acme"}}; the body and the name are required. */
    static String tenantName(JsonNode body) {
        if (isAbsent(body)) {
            throw new AdminInputException(BODY,
                    "request body is required: send {\"name\": \"<tenant name>\"}");
        }
        JsonNode name = object(body, Set.of("name")).get("name");
        if (isAbsent(name)) {
            throw new AdminInputException("name", "name is required");
        }
        return text("name", name);
    }

    /** Reads {@code {"description": "Entra"}}; the body and the description are optional. */
    static String tokenDescription(JsonNode body) {
        if (isAbsent(body)) {
            return null;
        }
        JsonNode description = object(body, Set.of("description")).get("description");
        return isAbsent(description) ? null : text("description", description);
    }

    private static JsonNode object(JsonNode body, Set<String> fields) {
        if (!body.isObject()) {
            throw new AdminInputException(BODY,
                    "request body must be a JSON object, got " + typeName(body));
        }
        for (String field : body.propertyNames()) {
            if (!fields.contains(field)) {
                throw new AdminInputException(field,
                        "unknown field \"" + field + "\": expected only " + fields);
            }
        }
        return body;
    }

    private static String text(String field, JsonNode value) {
        if (!value.isString()) {
            throw new AdminInputException(field,
                    field + " must be a JSON string, got " + typeName(value));
        }
        return value.stringValue();
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
