package io.scimsync.store.resource;

import io.scimsync.schemas.ResourceType;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user or group as the store keeps it.
 *
 * @param attributes the canonical SCIM attributes, without {@code id}, {@code meta}, the user's
 *     {@code groups} and the group's {@code members} (memberships are stored apart)
 * @param version incremented by every applied change, the base of {@code meta.version}
 * @param groupIds the groups this resource is a direct member of
 */
public record StoredResource(
        String tenantId,
        ResourceType type,
        String id,
        ObjectNode attributes,
        Instant created,
        Instant lastModified,
        long version,
        List<String> groupIds) {

    public StoredResource {
        groupIds = List.copyOf(groupIds);
    }

    /** A copy with new attributes, the next version and the given modification time. */
    public StoredResource withAttributes(ObjectNode newAttributes, Instant modified) {
        return new StoredResource(
                tenantId, type, id, newAttributes, created, modified, version + 1, groupIds);
    }

    /** A copy at the next version and the given modification time, attributes unchanged. */
    public StoredResource touched(Instant modified) {
        return withAttributes(attributes, modified);
    }
}
