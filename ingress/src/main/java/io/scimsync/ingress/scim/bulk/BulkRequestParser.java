package io.scimsync.ingress.scim.bulk;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.resource.AttributeValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the form of a bulk request body before any operation runs, so that a request with one
 * malformed operation changes nothing. Attribute names compare without regard to case, as RFC 7643
 * §2.1 requires; a name given twice in different cases is ambiguous and rejected.
 *
 * <p>Errors are 400s naming the field, such as {@code Operations[2].method} (indexes count from 0):
 * {@code invalidSyntax} for a body that does not have the shape of a BulkRequest, and
 * {@code invalidValue} for a missing or unusable value. More operations than
 * {@code maxOperations} is a 413 naming that limit (RFC 7644 §3.7.4).
 */
public final class BulkRequestParser {

    private static final String USAGE = "use /Users, /Users/{id}, /Groups or /Groups/{id}";

    private final int maxOperations;

    public BulkRequestParser(int maxOperations) {
        this.maxOperations = maxOperations;
    }

    public BulkRequest parse(JsonNode body) {
        if (!body.isObject()) {
            throw ScimException.invalidSyntax("a bulk request must be a JSON object");
        }
        ObjectNode request = (ObjectNode) body;
        requireSchema(request);
        JsonNode operations = attribute(request, "Operations", "Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimException.invalidSyntax("a bulk request needs 'Operations', an array of"
                    + " operations, got " + AttributeValues.jsonTypeName(operations));
        }
        if (operations.size() > maxOperations) {
            throw ScimException.payloadTooLarge("the bulk request has " + operations.size()
                    + " operations, more than maxOperations (" + maxOperations
                    + "); split it into several bulk requests");
        }
        Integer failOnErrors = failOnErrors(attribute(request, "failOnErrors", "failOnErrors"));
        return new BulkRequest(parseOperations(operations), failOnErrors);
    }

    private List<BulkOperation> parseOperations(JsonNode operations) {
        List<BulkOperation> parsed = new ArrayList<>();
        Map<String, Integer> bulkIds = new HashMap<>();
        for (int index = 0; index < operations.size(); index++) {
            BulkOperation operation = parseOperation(index, operations.get(index));
            if (operation.bulkId() != null) {
                Integer earlier = bulkIds.putIfAbsent(operation.bulkId(), index);
                if (earlier != null) {
                    throw ScimException.invalidValue(operation.field("bulkId") + " '"
                            + operation.bulkId() + "' is already the bulkId of Operations["
                            + earlier + "]; give each operation a bulkId of its own");
                }
            }
            parsed.add(operation);
        }
        return parsed;
    }

    private BulkOperation parseOperation(int index, JsonNode node) {
        if (!node.isObject()) {
            throw ScimException.invalidSyntax(field(index, "") + " must be a JSON object, got "
                    + AttributeValues.jsonTypeName(node));
        }
        ObjectNode operation = (ObjectNode) node;
        BulkMethod method = method(index, operation);
        String bulkId = bulkId(index, operation, method);
        BulkPath path = path(index, operation, method);
        ObjectNode data = data(index, operation, method);
        String version = optionalString(index, operation, "version");
        return new BulkOperation(index, method, bulkId, path, data, version);
    }

    private static void requireSchema(ObjectNode request) {
        JsonNode schemas = attribute(request, "schemas", "schemas");
        if (schemas != null && schemas.isArray()) {
            for (JsonNode schema : schemas) {
                if (ScimSchemas.BULK_REQUEST.equals(schema.asString(""))) {
                    return;
                }
            }
        }
        throw ScimException.invalidSyntax("a bulk request must list the schema "
                + ScimSchemas.BULK_REQUEST + " in 'schemas'");
    }

    private static Integer failOnErrors(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw ScimException.invalidValue("'failOnErrors' must be an integer of at least 1,"
                    + " got " + (value.isNumber() ? value.toString() : AttributeValues.jsonTypeName(value))
                    + "; leave it out to run every operation");
        }
        return value.intValue();
    }

    private static BulkMethod method(int index, ObjectNode operation) {
        String name = requiredString(index, operation, "method", "POST, PUT, PATCH or DELETE");
        return BulkMethod.fromName(name).orElseThrow(() -> ScimException.invalidValue(
                field(index, "method") + " '" + name + "' is not supported; use POST, PUT, PATCH"
                        + " or DELETE"));
    }

    private static String bulkId(int index, ObjectNode operation, BulkMethod method) {
        String bulkId = optionalString(index, operation, "bulkId");
        if (bulkId == null && method == BulkMethod.POST) {
            throw ScimException.invalidValue(field(index, "bulkId") + " is missing; a POST"
                    + " needs a bulkId that is unique within the request");
        }
        if (bulkId != null && bulkId.isBlank()) {
            throw ScimException.invalidValue(field(index, "bulkId") + " is empty; give it a"
                    + " value that is unique within the request");
        }
        return bulkId;
    }

    private static BulkPath path(int index, ObjectNode operation, BulkMethod method) {
        String text = requiredString(index, operation, "path", USAGE);
        BulkPath path = BulkPath.parse(text).orElseThrow(() -> ScimException.invalidValue(
                field(index, "path") + " '" + text + "' is not a resource path; " + USAGE));
        if (method == BulkMethod.POST && path.id() != null) {
            throw ScimException.invalidValue(field(index, "path") + " '" + text + "' names a"
                    + " resource, but a POST creates one: use " + path.type().endpoint());
        }
        if (method != BulkMethod.POST && path.id() == null) {
            throw ScimException.invalidValue(field(index, "path") + " '" + text + "' names no"
                    + " resource, but a " + method + " needs one: use " + path.type().endpoint()
                    + "/{id}");
        }
        return path;
    }

    private static ObjectNode data(int index, ObjectNode operation, BulkMethod method) {
        JsonNode data = attribute(operation, "data", field(index, "data"));
        boolean absent = data == null || data.isNull();
        if (!method.takesData()) {
            if (!absent) {
                throw ScimException.invalidValue(field(index, "data") + " must be left out for a"
                        + " DELETE");
            }
            return null;
        }
        if (absent) {
            throw ScimException.invalidValue(field(index, "data") + " is missing; a " + method
                    + " needs " + (method == BulkMethod.PATCH ? "a PatchOp message" : "the resource"));
        }
        if (!data.isObject()) {
            throw ScimException.invalidSyntax(field(index, "data") + " must be a JSON object, got "
                    + AttributeValues.jsonTypeName(data));
        }
        return (ObjectNode) data;
    }

    private static String requiredString(int index, ObjectNode operation, String name,
            String expected) {
        String value = optionalString(index, operation, name);
        if (value == null) {
            throw ScimException.invalidValue(field(index, name) + " is missing; expected "
                    + expected);
        }
        return value;
    }

    private static String optionalString(int index, ObjectNode operation, String name) {
        JsonNode value = attribute(operation, name, field(index, name));
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.invalidValue(field(index, name) + " must be a string, got "
                    + AttributeValues.jsonTypeName(value));
        }
        return value.asString();
    }

    /**
     * Returns the attribute called {@code name} in any letter case, or null.
     *
     * @param where how an error names the attribute
     */
    private static JsonNode attribute(ObjectNode object, String name, String where) {
        JsonNode found = null;
        for (Entry<String, JsonNode> property : object.properties()) {
            if (property.getKey().equalsIgnoreCase(name)) {
                if (found != null) {
                    throw ScimException.invalidSyntax(where + " is given more than once, in"
                            + " different letter cases; send it once");
                }
                found = property.getValue();
            }
        }
        return found;
    }

    /** Returns how error details name an operation or one of its attributes. */
    static String field(int index, String attribute) {
        String operation = "Operations[" + index + "]";
        return attribute.isEmpty() ? operation : operation + "." + attribute;
    }
}
