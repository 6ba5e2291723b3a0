package io.scimsync.schemas.resource;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.ResolvedAttribute;
import io.scimsync.schemas.model.SchemaRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The canonical values of one resource while {@link ResourceValidator} collects them. */
final class CanonicalResource {

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final Map<String, ObjectNode> extensions = new LinkedHashMap<>();
    private final Map<String, JsonNode> unknownExtensions = new LinkedHashMap<>();
    private final ObjectNode topLevel = JsonNodeFactory.instance.objectNode();

    CanonicalResource(SchemaRegistry registry, ResourceType type) {
        this.registry = registry;
        this.type = type;
    }

    /** Stores the canonical form of {@code value}, unless the attribute is read-only. */
    void put(ResolvedAttribute resolved, JsonNode value) {
        AttributeDefinition attribute = resolved.attribute();
        if (attribute.isReadOnly()) {
            return;
        }
        ObjectNode container = resolved.inExtension()
                ? extensions.computeIfAbsent(resolved.extensionUrn(), urn -> newObject())
                : topLevel;
        if (container.has(attribute.name())) {
            throw ScimException.invalidValue("attribute '" + resolved.canonicalPath()
                    + "' appears more than once");
        }
        String path = resolved.canonicalPath();
        JsonNode canonical = AttributeValues.canonicalize(attribute, value, path);
        if (canonical != null) {
            container.set(attribute.name(), canonical);
        }
    }

    void putUnknownExtension(String key, JsonNode value) {
        unknownExtensions.put(key, value.deepCopy());
    }

    void requireRequiredAttributes() {
        requireAll(registry.commonAttributes(), topLevel, "");
        requireAll(registry.coreSchema(type).attributes(), topLevel, "");
        for (String urn : registry.extensionsOf(type)) {
            ObjectNode extension = extensions.getOrDefault(urn, newObject());
            requireAll(registry.schema(urn).orElseThrow().attributes(), extension, urn + ":");
        }
    }

    private static void requireAll(List<AttributeDefinition> attributes, ObjectNode values,
            String prefix) {
        for (AttributeDefinition attribute : attributes) {
            if (attribute.required() && !values.has(attribute.name())) {
                throw ScimException.invalidValue("attribute '" + prefix + attribute.name()
                        + "' is required");
            }
        }
    }

    ObjectNode toJson() {
        ObjectNode resource = newObject();
        ArrayNode schemas = resource.putArray("schemas").add(type.schema());
        copyInOrder(registry.commonAttributes(), resource);
        copyInOrder(registry.coreSchema(type).attributes(), resource);
        for (String urn : registry.extensionsOf(type)) {
            ObjectNode extension = extensions.get(urn);
            if (extension != null && !extension.isEmpty()) {
                schemas.add(urn);
                resource.set(urn, inSchemaOrder(urn, extension));
            }
        }
        unknownExtensions.forEach((key, value) -> {
            if (value.isObject()) {
                schemas.add(key);
            }
            resource.set(key, value);
        });
        return resource;
    }

    private ObjectNode inSchemaOrder(String urn, ObjectNode extension) {
        ObjectNode ordered = newObject();
        copyInOrder(registry.schema(urn).orElseThrow().attributes(), extension, ordered);
        return ordered;
    }

    private void copyInOrder(List<AttributeDefinition> attributes, ObjectNode target) {
        copyInOrder(attributes, topLevel, target);
    }

    private static void copyInOrder(
            List<AttributeDefinition> attributes, ObjectNode source, ObjectNode target) {
        for (AttributeDefinition attribute : attributes) {
            JsonNode value = source.get(attribute.name());
            if (value != null) {
                target.set(attribute.name(), value);
            }
        }
    }

    private static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
