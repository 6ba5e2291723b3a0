package io.scimsync.ingress.scim.bulk;

import java.util.List;

/**
 * A bulk request (RFC 7644 §3.7) whose form has been checked.
 *
 * @param failOnErrors the number of failed operations after which the rest are not run, or null
 *     to run them all
 */
public record BulkRequest(List<BulkOperation> operations, Integer failOnErrors) {

    public BulkRequest {
        operations = List.copyOf(operations);
    }
}
