package io.scimsync.schemas.resource;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.ResolvedAttribute;
import io.scimsync.schemas.model.SchemaDefinition;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.syntax.AttributePath;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the body of a POST or PUT against the schemas of its resource type and returns the
 * resource in canonical form (values as {@link AttributeValues} describes):
 *
 * <ul>
 *   <li>attribute names take the schema's spelling, and the attributes come in schema order:
 *       {@code schemas}, {@code externalId}, core attributes, extension objects;
 *   <li>read-only attributes ({@code id}, {@code meta}, {@code groups},
 *       {@code manager.displayName}) are dropped, because the service provider owns them;
 *   <li>{@code schemas} lists the core schema URN, then the URN of every extension object present
 *       in the body. URNs the body lists but has no data for are ignored (Entra ID sends a legacy
 *       Microsoft URN on groups), and extension data is accepted when its URN is missing from the
 *       body's {@code schemas};
 *   <li>an object under a URN this service does not know is kept unchanged;
 *   <li>an attribute that no schema of the type defines is an {@code invalidValue} error naming it,
 *       as is a missing required attribute ({@code userName}, or {@code displayName} of a group).
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ResourceValidator {

    /** An RFC 8141 URN: {@code urn:}, a namespace identifier and a non-empty specific string. */
    private static final Pattern EXTENSION_URN = Pattern.compile(
            "(?i)urn:[a-z0-9][a-z0-9-]{0,31}:[\\x21-\\x7e]+");

    /**
     * Maximum nesting depth of data under an unknown extension. SCIM attributes nest at most 3
     * levels, and the embedded store's H2 serialiser overflows its stack on documents nested a
     * few hundred levels deep.
     */
    private static final int MAX_EXTENSION_DEPTH = 16;

    private final SchemaRegistry registry;

    public ResourceValidator(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * Returns the canonical resource for {@code body}.
     *
     * @throws ScimException {@code invalidSyntax} if the body is not a JSON object;
     *     {@code invalidValue} naming the attribute for an unknown attribute, a value of the wrong
     *     type, a missing required attribute or two primary values
     */
    public ObjectNode validate(ResourceType type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("the request body must be a JSON object, received "
                    + AttributeValues.jsonTypeName(body));
        }
        CanonicalResource resource = new CanonicalResource(registry, type);
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            place(resource, type, entry.getKey(), entry.getValue());
        }
        resource.requireRequiredAttributes();
        return resource.toJson();
    }

    private void place(CanonicalResource resource, ResourceType type, String key, JsonNode value) {
        if (key.equalsIgnoreCase("schemas")) {
            return;
        }
        if (!key.regionMatches(true, 0, "urn:", 0, 4)) {
            resource.put(topLevelAttribute(type, key), value);
            return;
        }
        Optional<String> extension = registry.extensionUrn(type, key);
        if (extension.isPresent()) {
            placeExtensionObject(resource, extension.get(), value);
        } else if (key.equalsIgnoreCase(type.schema())) {
            placeCoreObject(resource, type, value);
        } else {
            placeQualified(resource, type, key, value);
        }
    }

    private ResolvedAttribute topLevelAttribute(ResourceType type, String name) {
        return registry.resolve(type, new AttributePath(null, name, null, null))
                .orElseThrow(() -> ScimException.invalidValue("attribute '" + name + "' is not "
                        + "defined for resource type " + type.scimName()));
    }

    private void placeExtensionObject(CanonicalResource resource, String urn, JsonNode value) {
        if (AttributeValues.isEmpty(value)) {
            return;
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue("extension '" + urn + "' expects an object of "
                    + "attributes, received " + AttributeValues.jsonTypeName(value));
        }
        SchemaDefinition schema = registry.schema(urn).orElseThrow();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            AttributeDefinition attribute = schema.attribute(entry.getKey())
                    .orElseThrow(() -> ScimException.invalidValue("attribute '" + entry.getKey()
                            + "' is not defined in extension " + urn));
            resource.put(new ResolvedAttribute(urn, attribute, null), entry.getValue());
        }
    }

    private void placeCoreObject(CanonicalResource resource, ResourceType type, JsonNode value) {
        if (!value.isObject()) {
            throw ScimException.invalidValue("'" + type.schema() + "' expects an object of "
                    + "attributes, received " + AttributeValues.jsonTypeName(value));
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            resource.put(topLevelAttribute(type, entry.getKey()), entry.getValue());
        }
    }

    /**
     * Places a key such as {@code urn:...:enterprise:2.0:User:department}; a key under a URN that
     * no schema of the type has is kept as it is.
     */
    private void placeQualified(
            CanonicalResource resource, ResourceType type, String key, JsonNode value) {
        Optional<AttributePath> path = parseQuietly(key);
        Optional<ResolvedAttribute> resolved = path.flatMap(p -> registry.resolve(type, p));
        if (resolved.isPresent() && resolved.get().subAttribute() == null) {
            resource.put(resolved.get(), value);
        } else if (path.isPresent() && isSchemaOf(type, path.get().schemaUrn())) {
            throw ScimException.invalidValue("attribute '" + key + "' is not defined for resource "
                    + "type " + type.scimName());
        } else {
            requireExtensionObject(type, key, value);
            resource.putUnknownExtension(key, value);
        }
    }

    /**
     * Accepts data under an unknown URN only as an extension: an object under a schema URN that
     * is neither a SCIM message nor a core schema.
     */
    private static void requireExtensionObject(ResourceType type, String key, JsonNode value) {
        String urn = key.toLowerCase(Locale.ROOT);
        boolean reserved = urn.startsWith("urn:ietf:params:scim:api:")
                || urn.startsWith("urn:ietf:params:scim:schemas:core:");
        if (reserved || !EXTENSION_URN.matcher(key).matches()) {
            throw ScimException.invalidValue("'" + key + "' is not an extension schema URN of "
                    + type.scimName() + " resources; remove it or use an extension URN");
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue("extension '" + key + "' expects an object of "
                    + "attributes, received " + AttributeValues.jsonTypeName(value));
        }
        if (depth(value) > MAX_EXTENSION_DEPTH) {
            throw ScimException.invalidValue("extension '" + key + "' nests objects and arrays"
                    + " deeper than " + MAX_EXTENSION_DEPTH + " levels; flatten it");
        }
    }

    private static int depth(JsonNode value) {
        int deepest = 0;
        for (JsonNode child : value.values()) {
            deepest = Math.max(deepest, depth(child));
        }
        return value.isContainer() ? deepest + 1 : 0;
    }

    private boolean isSchemaOf(ResourceType type, String urn) {
        return urn.equalsIgnoreCase(type.schema()) || registry.extensionUrn(type, urn).isPresent();
    }

    private static Optional<AttributePath> parseQuietly(String key) {
        try {
            return Optional.of(AttributePath.parse(key));
        } catch (ScimException e) {
            return Optional.empty();
        }
    }
}
