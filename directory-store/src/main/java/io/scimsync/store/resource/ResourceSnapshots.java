package io.scimsync.store.resource;

import io.scimsync.schemas.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link StoredResource} as JSON, for the outcome of a change that is not applied at once: the
 * processor sends the resource as it will be once applied, and ingress answers with it.
 *
 * <pre>
 * {"attributes": {...}, "created": "...", "lastModified": "...", "version": 3, "groupIds": [...]}
 * </pre>
 */
public final class ResourceSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResourceSnapshots() {
    }

    public static ObjectNode encode(StoredResource resource) {
        ObjectNode snapshot = NODES.objectNode();
        snapshot.set("attributes", resource.attributes().deepCopy());
        snapshot.put("created", resource.created().toString());
        snapshot.put("lastModified", resource.lastModified().toString());
        snapshot.put("version", resource.version());
        ArrayNode groups = snapshot.putArray("groupIds");
        resource.groupIds().forEach(groups::add);
        return snapshot;
    }

    /**
     * Reads a snapshot of the resource {@code id}.
     *
     * @throws IllegalArgumentException if {@code snapshot} lacks a field or has a malformed one
     */
    public static StoredResource decode(String tenantId, ResourceType type, String id, JsonNode snapshot) {
        JsonNode attributes = snapshot.path("attributes");
        if (!attributes.isObject() || !snapshot.path("version").isIntegralNumber()) {
            throw new IllegalArgumentException("resource snapshot of " + id + " is incomplete");
        }
        List<String> groupIds = new ArrayList<>();
        snapshot.path("groupIds").forEach(group -> groupIds.add(group.asString()));
        return new StoredResource(tenantId, type, id, (ObjectNode) attributes.deepCopy(),
                Instant.parse(snapshot.path("created").asString()),
                Instant.parse(snapshot.path("lastModified").asString()),
                snapshot.path("version").asLong(), groupIds);
    }
}
