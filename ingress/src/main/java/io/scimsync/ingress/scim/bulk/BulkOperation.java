package io.scimsync.ingress.scim.bulk;

import tools.jackson.databind.node.ObjectNode;

/**
 * One operation of a bulk request, checked for its form but not yet run.
 *
 * @param index the zero-based position in {@code Operations}, as error details name it
 * @param bulkId the client's transient id, required for POST, or null
 * @param data the resource (POST, PUT) or PatchOp message (PATCH); null for DELETE
 * @param version the entity tag the resource must have, as {@code If-Match}, or null
 */
public record BulkOperation(int index, BulkMethod method, String bulkId, BulkPath path,
        ObjectNode data, String version) {

    /** Returns how error details name this operation's attribute, such as {@code Operations[2].path}. */
    String field(String attribute) {
        return BulkRequestParser.field(index, attribute);
    }
}
