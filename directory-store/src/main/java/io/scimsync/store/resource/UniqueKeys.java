package io.scimsync.store.resource;

import io.scimsync.schemas.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-tenant unique key of a resource: {@code userName} of a user, {@code displayName} of a
 * group, lower-cased because RFC 7643 defines both with {@code caseExact=false}.
 */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    public static String of(ResourceType type, ObjectNode attributes) {
        JsonNode value = attributes.get(attributeName(type));
        return value == null || !value.isString() ? null : DocumentCodec.fold(value.stringValue());
    }

    public static String attributeName(ResourceType type) {
        return type == ResourceType.USER ? "userName" : "displayName";
    }
}
