package io.scimsync.schemas.patch;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.resource.AttributeValues;
import io.scimsync.schemas.syntax.AttributePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the body of a PATCH request (RFC 7644 §3.5.2) in either of Entra ID's dialects: {@code op}
 * and the member names {@code Operations}, {@code op}, {@code path} and {@code value} are matched
 * ignoring case. The parser checks syntax only; {@link PatchEngine} resolves paths against the
 * schemas.
 */
public final class PatchRequestParser {

    private PatchRequestParser() {
    }

    /**
     * Returns the operations of {@code body} in request order; an empty {@code Operations} array
     * gives an empty list.
     *
     * @throws ScimException {@code invalidSyntax} when the body is not an object, does not list the
     *     PatchOp URN in {@code schemas}, has no {@code Operations} array, or has an operation
     *     with an unknown {@code op} or an add or replace without {@code value};
     *     {@code invalidPath} for a malformed path; {@code noTarget} for a remove without path
     */
    public static List<PatchOperation> parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("the PATCH request body must be a JSON object, "
                    + "received " + AttributeValues.jsonTypeName(body));
        }
        requirePatchSchema(body);
        JsonNode operations = member(body, "Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimException.invalidSyntax("the PATCH request body needs an 'Operations' array");
        }
        List<PatchOperation> parsed = new ArrayList<>();
        for (int index = 0; index < operations.size(); index++) {
            parsed.add(parseOperation(operations.get(index), index));
        }
        return parsed;
    }

    /**
     * Writes {@code operations} as a PATCH request body that {@link #parse} reads back into equal
     * operations, with lower-case {@code op} names.
     */
    public static ObjectNode toJson(List<PatchOperation> operations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ScimSchemas.PATCH_OP);
        ArrayNode array = body.putArray("Operations");
        for (PatchOperation operation : operations) {
            ObjectNode json = array.addObject().put("op", operation.op().wireName());
            if (operation.path() != null) {
                json.put("path", operation.path());
            }
            if (operation.value() != null) {
                json.set("value", operation.value());
            }
        }
        return body;
    }

    private static void requirePatchSchema(JsonNode body) {
        JsonNode schemas = member(body, "schemas");
        if (schemas != null && schemas.isArray()) {
            for (JsonNode schema : schemas) {
                if (schema.isString() && schema.asString().equalsIgnoreCase(ScimSchemas.PATCH_OP)) {
                    return;
                }
            }
        }
        throw ScimException.invalidSyntax("the PATCH request body must list '"
                + ScimSchemas.PATCH_OP + "' in 'schemas'");
    }

    private static PatchOperation parseOperation(JsonNode operation, int index) {
        String where = "Operations[" + index + "]";
        if (!operation.isObject()) {
            throw ScimException.invalidSyntax(where + " must be an object, received "
                    + AttributeValues.jsonTypeName(operation));
        }
        PatchOp op = parseOp(member(operation, "op"), where);
        String path = parsePath(member(operation, "path"), where);
        JsonNode value = member(operation, "value");
        if (op != PatchOp.REMOVE && value == null) {
            throw ScimException.invalidSyntax(where + " (" + op.wireName() + ") needs a 'value'");
        }
        if (op == PatchOp.REMOVE && path == null) {
            throw ScimException.noTarget(where + " (remove) needs a 'path' naming what to remove");
        }
        return new PatchOperation(op, path, value == null ? null : value.deepCopy());
    }

    private static PatchOp parseOp(JsonNode op, String where) {
        if (op == null || !op.isString()) {
            throw ScimException.invalidSyntax(where + " needs an 'op' of add, replace or remove");
        }
        return PatchOp.fromWireName(op.asString())
                .orElseThrow(() -> ScimException.invalidSyntax(where + " has the unsupported op '"
                        + op.asString() + "'; use add, replace or remove"));
    }

    private static String parsePath(JsonNode path, String where) {
        if (path == null || path.isNull()) {
            return null;
        }
        if (!path.isString()) {
            throw ScimException.invalidSyntax(where + " has a 'path' that is not a string");
        }
        String trimmed = path.asString().trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        AttributePath.parse(trimmed);
        return trimmed;
    }

    private static JsonNode member(JsonNode object, String name) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
