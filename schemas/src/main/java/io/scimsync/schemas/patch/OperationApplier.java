package io.scimsync.schemas.patch;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.model.ResolvedAttribute;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.resource.AttributeValues;
import io.scimsync.schemas.syntax.AttributePath;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves the target of each PATCH operation and hands it to {@link AttributeWriter}. Targets
 * are a schema attribute (with optional value filter and sub-attribute), a whole extension object
 * (path {@code urn:...:enterprise:2.0:User}), or an attribute under a URN that no schema of this
 * service defines, which is written as sent.
 */
final class OperationApplier {

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final ObjectNode resource;
    private final AttributeWriter writer;

    OperationApplier(SchemaRegistry registry, ResourceType type, ObjectNode resource) {
        this.registry = registry;
        this.type = type;
        this.resource = resource;
        this.writer = new AttributeWriter(resource);
    }

    void apply(PatchOperation operation) {
        if (operation.hasPath()) {
            applyAtPath(operation.op(), operation.path(), operation.value(), false);
        } else {
            applyPathless(operation.op(), operation.value());
        }
    }

    /**
     * Applies a path-less add or replace: each key of the value object is a target of its own,
     * whether a plain name ({@code displayName}), a dotted name ({@code name.givenName}), a
     * URN-qualified name ({@code urn:...:enterprise:2.0:User:employeeNumber}) or an extension URN
     * whose value is an object of extension attributes.
     */
    private void applyPathless(PatchOp op, JsonNode value) {
        if (value == null || !value.isObject()) {
            throw ScimException.invalidValue("an " + op.wireName() + " without 'path' needs an "
                    + "object of attributes as its value, received "
                    + AttributeValues.jsonTypeName(value));
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            applyPathlessMember(op, entry.getKey(), entry.getValue());
        }
    }

    private void applyPathlessMember(PatchOp op, String key, JsonNode value) {
        if (key.equalsIgnoreCase("schemas")) {
            return;
        }
        if (isUnknownExtensionObject(key, value)) {
            writeUnknownExtensionObject(op, key, value);
        } else {
            applyAtPath(op, key, value, true);
        }
    }

    private void applyAtPath(PatchOp op, String path, JsonNode value, boolean pathless) {
        Optional<String> extension = registry.extensionUrn(type, path);
        if (extension.isPresent()) {
            applyToExtensionObject(op, extension.get(), value, pathless);
            return;
        }
        if (path.equalsIgnoreCase(type.schema())) {
            applyToCoreObject(op, value);
            return;
        }
        if (registry.schema(path).isPresent()) {
            throw foreignSchema(path);
        }
        AttributePath parsed = AttributePath.parse(path);
        if (parsed.schemaUrn() != null && !isSchemaOfType(parsed.schemaUrn())) {
            applyToUnknownSchema(op, parsed, value);
            return;
        }
        ResolvedAttribute target = registry.resolve(type, parsed)
                .orElseThrow(() -> ScimException.invalidPath("attribute '"
                        + parsed.withoutValueFilter() + "' is not defined for resource type "
                        + type.scimName()));
        writer.apply(op, target, parsed.valueFilter(), value, pathless);
    }

    private void applyToExtensionObject(PatchOp op, String urn, JsonNode value, boolean pathless) {
        if (op == PatchOp.REMOVE || AttributeValues.isEmpty(value)) {
            resource.remove(urn);
            return;
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue("the value for '" + urn + "' must be an object of its "
                    + "attributes, received " + AttributeValues.jsonTypeName(value));
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            applyAtPath(op, urn + ":" + entry.getKey(), entry.getValue(), pathless);
        }
    }

    private void applyToCoreObject(PatchOp op, JsonNode value) {
        if (op == PatchOp.REMOVE) {
            throw ScimException.invalidPath("the core schema '" + type.schema()
                    + "' cannot be removed; remove its attributes one by one");
        }
        applyPathless(op, value);
    }

    /** Writes {@code urn:x:attribute[.sub]} of an unknown schema as sent, without checks. */
    private void applyToUnknownSchema(PatchOp op, AttributePath path, JsonNode value) {
        if (path.hasValueFilter()) {
            throw ScimException.invalidPath("path '" + path + "' filters an attribute of '"
                    + path.schemaUrn() + "', a schema this service does not define");
        }
        boolean remove = op == PatchOp.REMOVE || AttributeValues.isEmpty(value);
        ObjectNode extension = childObject(resource, path.schemaUrn(), !remove);
        ObjectNode parent = path.subAttribute() == null || extension == null
                ? extension : childObject(extension, path.attribute(), !remove);
        if (parent == null) {
            return;
        }
        String name = path.subAttribute() == null ? path.attribute() : path.subAttribute();
        if (remove) {
            parent.remove(name);
        } else {
            parent.set(name, value.deepCopy());
        }
        removeIfEmpty(extension, path.attribute());
        removeIfEmpty(resource, path.schemaUrn());
    }

    /**
     * Returns whether a path-less key is the URN of a schema this service does not define, such
     * as {@code "urn:example:ext:1.0:User": {...}}, rather than a path into a known schema.
     */
    private boolean isUnknownExtensionObject(String key, JsonNode value) {
        return value.isObject()
                && key.regionMatches(true, 0, "urn:", 0, 4)
                && registry.schema(key).isEmpty()
                && !isSchemaOfType(key)
                && !isPathIntoKnownSchema(key);
    }

    private boolean isPathIntoKnownSchema(String key) {
        try {
            String urn = AttributePath.parse(key).schemaUrn();
            return urn != null && (isSchemaOfType(urn) || registry.schema(urn).isPresent());
        } catch (ScimException e) {
            return false;
        }
    }

    private void writeUnknownExtensionObject(PatchOp op, String key, JsonNode value) {
        JsonNode existing = resource.get(key);
        if (op == PatchOp.ADD && existing != null && existing.isObject()) {
            ((ObjectNode) existing).setAll((ObjectNode) value.deepCopy());
        } else {
            resource.set(key, value.deepCopy());
        }
    }

    private boolean isSchemaOfType(String urn) {
        return urn.equalsIgnoreCase(type.schema()) || registry.extensionUrn(type, urn).isPresent();
    }

    private ScimException foreignSchema(String urn) {
        return ScimException.invalidPath("schema '" + urn + "' does not apply to resource type "
                + type.scimName());
    }

    private static ObjectNode childObject(ObjectNode parent, String name, boolean create) {
        JsonNode child = parent.get(name);
        if (child != null && child.isObject()) {
            return (ObjectNode) child;
        }
        return create ? parent.putObject(name) : null;
    }

    private static void removeIfEmpty(ObjectNode parent, String name) {
        JsonNode child = parent == null ? null : parent.get(name);
        if (child != null && child.isObject() && child.isEmpty()) {
            parent.remove(name);
        }
    }
}
