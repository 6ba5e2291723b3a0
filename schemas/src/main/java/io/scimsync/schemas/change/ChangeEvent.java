package io.scimsync.schemas.change;

import io.scimsync.schemas.ResourceType;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One accepted SCIM write, as ingress publishes it on the changes topic under the key
 * {@link #recordKey()}. The per-resource sequence is the record's offset in its partition: every
 * change of one resource lands in the same partition, so offsets order them and let the store
 * recognise a redelivered change.
 *
 * @param changeId unique id of this change, also the correlation id of its outcome
 * @param payload the resource body for CREATE and REPLACE, {@code {"Operations": [...]}} in the
 *     canonical form for PATCH, null for DELETE
 * @param expectedVersion the version the client's {@code If-Match} requires the resource to be at
 *     when the change is applied, or null for no precondition
 */
public record ChangeEvent(
        String changeId,
        String tenantId,
        ResourceType resourceType,
        String resourceId,
        Operation operation,
        JsonNode payload,
        Instant acceptedAt,
        Long expectedVersion) {

    /** A change without a version precondition. */
    public ChangeEvent(String changeId, String tenantId, ResourceType resourceType,
            String resourceId, Operation operation, JsonNode payload, Instant acceptedAt) {
        this(changeId, tenantId, resourceType, resourceId, operation, payload, acceptedAt, null);
    }

    public String recordKey() {
        return recordKey(tenantId, resourceType, resourceId);
    }

    public static String recordKey(String tenantId, ResourceType type, String resourceId) {
        return tenantId + "/" + type.scimName() + "/" + resourceId;
    }
}
