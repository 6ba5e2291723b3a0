package io.scimsync.ingress.scim.bulk;

import io.scimsync.ingress.scim.ScimJson;
import io.scimsync.schemas.error.ScimError;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of one operation of a bulk request, an element of the BulkResponse's
 * {@code Operations} (RFC 7644 §3.7.3).
 *
 * @param bulkId the operation's bulkId, or null
 * @param location the URL of the resource, or null when there is none (a failed POST, or a
 *     reference that could not be resolved)
 * @param version the entity tag of the resource after the operation, or null
 * @param status the HTTP status the operation would have had as a request of its own
 * @param error the SCIM error of a failed operation, null on success
 */
public record BulkResult(BulkMethod method, String bulkId, String location, String version,
        int status, ScimError error) {

    static BulkResult success(BulkOperation operation, String location, String version,
            int status) {
        return new BulkResult(operation.method(), operation.bulkId(), location, version, status,
                null);
    }

    static BulkResult failure(BulkOperation operation, String location, ScimError error) {
        return new BulkResult(operation.method(), operation.bulkId(), location, null,
                error.status(), error);
    }

    public boolean failed() {
        return error != null;
    }

    /**
     * Returns true when the rest of the request must not run: the broker or the processor did not
     * reply in time (503), or something unexpected failed (500), so later operations would wait
     * just as long.
     */
    boolean endsRequest() {
        return status >= 500;
    }

    /** Returns the JSON element, with {@code status} as a string and the error as {@code response}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("method", method.name());
        if (bulkId != null) {
            json.put("bulkId", bulkId);
        }
        if (location != null) {
            json.put("location", location);
        }
        if (version != null) {
            json.put("version", version);
        }
        json.put("status", Integer.toString(status));
        if (error != null) {
            json.set("response", ScimJson.errorBody(error));
        }
        return json;
    }
}
