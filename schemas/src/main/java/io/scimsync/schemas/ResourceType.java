package io.scimsync.schemas;

import java.util.Optional;

/** The SCIM resource types this service provider serves. */
public enum ResourceType {
    USER("User", "/Users", ScimSchemas.USER),
    GROUP("Group", "/Groups", ScimSchemas.GROUP);

    private final String scimName;
    private final String endpoint;
    private final String schema;

    ResourceType(String scimName, String endpoint, String schema) {
        this.scimName = scimName;
        this.endpoint = endpoint;
        this.schema = schema;
    }

    /** The name in {@code meta.resourceType} and in record keys, such as {@code User}. */
    public String scimName() {
        return scimName;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The URN of the core schema. */
    public String schema() {
        return schema;
    }

    public static Optional<ResourceType> fromScimName(String name) {
        for (ResourceType type : values()) {
            if (type.scimName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
