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
 * @param events the identity events of the resource's key kept with it
 */
public record StoredResource(
        String tenantId,
        ResourceType type,
        String id,
        ObjectNode attributes,
        Instant created,
        Instant lastModified,
        long version,
        List<String> groupIds,
        EventLog events) {

    public StoredResource {
        groupIds = List.copyOf(groupIds);
        events = events == null ? EventLog.EMPTY : events;
    }

    /** A resource without identity events yet. */
    public StoredResource(String tenantId, ResourceType type, String id, ObjectNode attributes,
            Instant created, Instant lastModified, long version, List<String> groupIds) {
        this(tenantId, type, id, attributes, created, lastModified, version, groupIds,
                EventLog.EMPTY);
    }

    /** A copy with new attributes, the next version and the given modification time. */
    public StoredResource withAttributes(ObjectNode newAttributes, Instant modified) {
        return new StoredResource(tenantId, type, id, newAttributes, created, modified,
                version + 1, groupIds, events);
    }

    /** A copy with another event log, otherwise unchanged. */
    public StoredResource withEvents(EventLog newEvents) {
        return new StoredResource(tenantId, type, id, attributes, created, lastModified, version,
                groupIds, newEvents);
    }

    /** A copy at the next version and the given modification time, attributes unchanged. */
    public StoredResource touched(Instant modified) {
        return withAttributes(attributes, modified);
    }
}
