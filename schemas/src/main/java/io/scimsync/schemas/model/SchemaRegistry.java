package io.scimsync.schemas.model;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.syntax.AttributePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas this service provider serves (core User, core Group, Enterprise User) and the
 * common attributes of RFC 7643 §3.1 ({@code id}, {@code externalId}, {@code meta}), loaded from
 * the JSON files next to this class. Every lookup of a URN or an attribute name ignores case, as
 * RFC 7643 §2.1 requires. Instances are immutable and safe to share between threads.
 */
public final class SchemaRegistry {

    private static final String RESOURCE_FOLDER = "/io/scimsync/schemas/";
    private static final Map<ResourceType, List<String>> EXTENSIONS = Map.of(
            ResourceType.USER, List.of(ScimSchemas.ENTERPRISE_USER),
            ResourceType.GROUP, List.of());

    private final List<SchemaDefinition> schemas;
    private final List<AttributeDefinition> commonAttributes;

    private SchemaRegistry(List<SchemaDefinition> schemas, List<AttributeDefinition> common) {
        this.schemas = List.copyOf(schemas);
        this.commonAttributes = List.copyOf(common);
    }

    /** Returns the registry of the standard schemas, loaded once per class loader. */
    public static SchemaRegistry standard() {
        return StandardHolder.INSTANCE;
    }

    /** Returns the schemas that {@code /Schemas} lists: core User, core Group, Enterprise User. */
    public List<SchemaDefinition> schemas() {
        return schemas;
    }

    /** Returns the schema whose URN equals {@code urn}, ignoring case. */
    public Optional<SchemaDefinition> schema(String urn) {
        return schemas.stream().filter(schema -> schema.id().equalsIgnoreCase(urn)).findFirst();
    }

    public SchemaDefinition coreSchema(ResourceType type) {
        return schema(type.schema()).orElseThrow();
    }

    /** Returns the extension schema URNs of {@code type}: the Enterprise User URN for users. */
    public List<String> extensionsOf(ResourceType type) {
        return EXTENSIONS.get(type);
    }

    /** Returns the canonical URN of the extension of {@code type} that equals {@code urn}. */
    public Optional<String> extensionUrn(ResourceType type, String urn) {
        return extensionsOf(type).stream().filter(ext -> ext.equalsIgnoreCase(urn)).findFirst();
    }

    /** Returns {@code id}, {@code externalId} and {@code meta}, which every resource has. */
    public List<AttributeDefinition> commonAttributes() {
        return commonAttributes;
    }

    /**
     * Returns the definition at {@code path} for {@code type}: {@code userName},
     * {@code name.givenName}, {@code emails.value}, {@code emails[type eq "work"].value} (the
     * filter is ignored), {@code meta.created}, or a URN-qualified path such as
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}.
     * Empty when the path is invalid or names no attribute of {@code type}.
     */
    public Optional<AttributeDefinition> attribute(ResourceType type, String path) {
        return resolve(type, path).map(ResolvedAttribute::target);
    }

    /** Resolves {@code path} as {@link #attribute(ResourceType, String)} does. */
    public Optional<ResolvedAttribute> resolve(ResourceType type, String path) {
        try {
            return resolve(type, AttributePath.parse(path));
        } catch (ScimException e) {
            return Optional.empty();
        }
    }

    /**
     * Resolves a parsed path. A path prefixed with the core schema URN of {@code type} resolves
     * as if it had no prefix; a path prefixed with another URN resolves only in an extension of
     * {@code type}. A path without prefix that names no core or common attribute resolves in the
     * extensions of {@code type}, because Entra ID sends {@code manager} for the enterprise
     * {@code manager}.
     */
    public Optional<ResolvedAttribute> resolve(ResourceType type, AttributePath path) {
        String urn = path.schemaUrn();
        if (urn != null && !urn.equalsIgnoreCase(type.schema())) {
            return extensionUrn(type, urn).flatMap(extension -> inExtension(extension, path));
        }
        Optional<AttributeDefinition> topLevel = topLevelAttribute(type, path.attribute());
        if (topLevel.isPresent()) {
            return withSub(null, topLevel.get(), path.subAttribute());
        }
        if (urn != null) {
            return Optional.empty();
        }
        return extensionsOf(type).stream()
                .map(extension -> inExtension(extension, path))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<ResolvedAttribute> inExtension(String extension, AttributePath path) {
        return schema(extension)
                .flatMap(schema -> schema.attribute(path.attribute()))
                .flatMap(attribute -> withSub(extension, attribute, path.subAttribute()));
    }

    private Optional<AttributeDefinition> topLevelAttribute(ResourceType type, String name) {
        Optional<AttributeDefinition> common = commonAttributes.stream()
                .filter(attribute -> attribute.name().equalsIgnoreCase(name))
                .findFirst();
        return common.isPresent() ? common : coreSchema(type).attribute(name);
    }

    private static Optional<ResolvedAttribute> withSub(
            String extensionUrn, AttributeDefinition attribute, String subName) {
        if (subName == null) {
            return Optional.of(new ResolvedAttribute(extensionUrn, attribute, null));
        }
        return attribute.subAttribute(subName)
                .map(sub -> new ResolvedAttribute(extensionUrn, attribute, sub));
    }

    private static final class StandardHolder {

        private static final SchemaRegistry INSTANCE = load();

        private static SchemaRegistry load() {
            JsonMapper mapper = JsonMapper.builder().build();
            List<SchemaDefinition> schemas = List.of(
                    SchemaDefinition.fromJson(read(mapper, "User.json")),
                    SchemaDefinition.fromJson(read(mapper, "Group.json")),
                    SchemaDefinition.fromJson(read(mapper, "EnterpriseUser.json")));
            List<AttributeDefinition> common = new ArrayList<>();
            read(mapper, "CommonAttributes.json").path("attributes")
                    .forEach(attribute -> common.add(AttributeDefinition.fromJson(attribute)));
            return new SchemaRegistry(schemas, common);
        }

        private static JsonNode read(JsonMapper mapper, String file) {
            String resource = RESOURCE_FOLDER + file;
            try (InputStream in = SchemaRegistry.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema file " + resource + " is missing");
                }
                return mapper.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema file " + file, e);
            }
        }
    }
}
