package io.scimsync.schemas.model;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SCIM schema of RFC 7643 §7: a URN and its attributes, in the order {@code /Schemas} lists
 * them.
 *
 * @param id the schema URN, such as {@code urn:ietf:params:scim:schemas:core:2.0:User}
 */
public record SchemaDefinition(
        String id, String name, String description, List<AttributeDefinition> attributes) {

    public SchemaDefinition {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** Returns the top-level attribute called {@code attributeName}, ignoring case. */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        return attributes.stream()
                .filter(attribute -> attribute.name().equalsIgnoreCase(attributeName))
                .findFirst();
    }

    /** Writes {@code id}, {@code name}, {@code description} and {@code attributes}. */
    public ObjectNode toJson() {
        return SchemaJson.write(this);
    }

    /**
     * Reads a schema written in the form of RFC 7643 §7.
     *
     * @throws IllegalArgumentException if the schema has no id or an attribute is invalid
     */
    public static SchemaDefinition fromJson(JsonNode json) {
        return SchemaJson.readSchema(json);
    }
}
