package io.scimsync.schemas.discovery;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.model.SchemaDefinition;
import io.scimsync.schemas.model.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the discovery documents of RFC 7644 §4 from the schema registry: the service provider
 * configuration, the resource types and the schemas, each with a {@code meta} whose
 * {@code location} starts with the base URL passed in (such as
 * {@code https://scim.example.com/scim/v2}; a trailing slash is ignored). Callers wrap lists in a
 * ListResponse. Thread-safe.
 */
public final class Discovery {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BEARER_SPEC = "https://www.rfc-editor.org/info/rfc6750";

    private final SchemaRegistry registry;
    private final int maxResults;
    private final int defaultCount;
    private final BulkLimits bulk;

    /**
     * @param maxResults the largest number of resources one list response returns, advertised as
     *     {@code filter.maxResults} and {@code pagination.maxPageSize}
     */
    public Discovery(SchemaRegistry registry, int maxResults) {
        this(registry, maxResults, maxResults, BulkLimits.UNSUPPORTED);
    }

    /** @param bulk the limits advertised under {@code bulk}, or {@link BulkLimits#UNSUPPORTED} */
    public Discovery(SchemaRegistry registry, int maxResults, BulkLimits bulk) {
        this(registry, maxResults, maxResults, bulk);
    }

    /**
     * @param defaultCount the page size of a list request without {@code count}, advertised as
     *     {@code pagination.defaultPageSize}
     */
    public Discovery(SchemaRegistry registry, int maxResults, int defaultCount) {
        this(registry, maxResults, defaultCount, BulkLimits.UNSUPPORTED);
    }

    /**
     * @param maxResults the largest number of resources one list response returns, advertised as
     *     {@code filter.maxResults} and {@code pagination.maxPageSize}
     * @param defaultCount the page size of a list request without {@code count}, advertised as
     *     {@code pagination.defaultPageSize}
     * @param bulk the limits advertised under {@code bulk}, or {@link BulkLimits#UNSUPPORTED}
     */
    public Discovery(SchemaRegistry registry, int maxResults, int defaultCount, BulkLimits bulk) {
        this.registry = registry;
        this.maxResults = maxResults;
        this.defaultCount = defaultCount;
        this.bulk = bulk;
    }

    /**
     * Returns the {@code /ServiceProviderConfig} document: PATCH, filtering, sorting and ETags
     * supported, bulk with the limits given to the constructor, password change not, and OAuth
     * bearer tokens as the authentication scheme.
     */
    public ObjectNode serviceProviderConfig(String baseUrl) {
        ObjectNode config = NODES.objectNode();
        config.putArray("schemas").add(ScimSchemas.SERVICE_PROVIDER_CONFIG);
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", bulk.supported())
                .put("maxOperations", bulk.maxOperations()).put("maxPayloadSize", bulk.maxPayloadSize());
        config.putObject("filter").put("supported", true).put("maxResults", maxResults);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", true);
        config.putObject("etag").put("supported", true);
        config.set("pagination", pagination());
        config.set("authenticationSchemes", NODES.arrayNode().add(bearerTokenScheme()));
        String location = location(baseUrl, "/ServiceProviderConfig");
        config.set("meta", meta("ServiceProviderConfig", location));
        return config;
    }

    /**
     * Builds the {@code pagination} of RFC 9865 §4: index and cursor paging, index by default so
     * that clients unaware of cursors keep their behaviour. No {@code cursorTimeout} is given because
     * cursors are stateless and do not expire.
     */
    private ObjectNode pagination() {
        return NODES.objectNode()
                .put("cursor", true)
                .put("index", true)
                .put("defaultPaginationMethod", "index")
                .put("defaultPageSize", Math.min(defaultCount, maxResults))
                .put("maxPageSize", maxResults);
    }

    /** Returns the {@code /ResourceTypes} resources: User (with its extension) and Group. */
    public List<ObjectNode> resourceTypes(String baseUrl) {
        List<ObjectNode> types = new ArrayList<>();
        for (ResourceType type : ResourceType.values()) {
            types.add(resourceType(type, baseUrl));
        }
        return types;
    }

    /** Returns the resource type called {@code name}, such as {@code User}, ignoring case. */
    public Optional<ObjectNode> resourceType(String name, String baseUrl) {
        for (ResourceType type : ResourceType.values()) {
            if (type.scimName().equalsIgnoreCase(name)) {
                return Optional.of(resourceType(type, baseUrl));
            }
        }
        return Optional.empty();
    }

    /** Returns the {@code /Schemas} resources, one per schema of the registry. */
    public List<ObjectNode> schemas(String baseUrl) {
        List<ObjectNode> schemas = new ArrayList<>();
        for (SchemaDefinition schema : registry.schemas()) {
            schemas.add(schemaResource(schema, baseUrl));
        }
        return schemas;
    }

    /** Returns the schema whose URN is {@code id}, ignoring case. */
    public Optional<ObjectNode> schema(String id, String baseUrl) {
        return registry.schema(id).map(schema -> schemaResource(schema, baseUrl));
    }

    private ObjectNode resourceType(ResourceType type, String baseUrl) {
        SchemaDefinition core = registry.coreSchema(type);
        ObjectNode json = NODES.objectNode();
        json.putArray("schemas").add(ScimSchemas.RESOURCE_TYPE);
        json.put("id", type.scimName());
        json.put("name", type.scimName());
        json.put("endpoint", type.endpoint());
        json.put("description", core.description());
        json.put("schema", core.id());
        ArrayNode extensions = json.putArray("schemaExtensions");
        for (String extension : registry.extensionsOf(type)) {
            extensions.addObject().put("schema", extension).put("required", false);
        }
        String location = location(baseUrl, "/ResourceTypes/" + type.scimName());
        json.set("meta", meta("ResourceType", location));
        return json;
    }

    private static ObjectNode schemaResource(SchemaDefinition schema, String baseUrl) {
        ObjectNode json = NODES.objectNode();
        json.putArray("schemas").add(ScimSchemas.SCHEMA);
        json.setAll(schema.toJson());
        json.set("meta", meta("Schema", location(baseUrl, "/Schemas/" + schema.id())));
        return json;
    }

    private static ObjectNode bearerTokenScheme() {
        return NODES.objectNode()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "Authentication with a tenant access token sent in the "
                        + "Authorization header as 'Bearer <token>'")
                .put("specUri", BEARER_SPEC)
                .put("primary", true);
    }

    private static ObjectNode meta(String resourceType, String location) {
        return NODES.objectNode().put("resourceType", resourceType).put("location", location);
    }

    private static String location(String baseUrl, String suffix) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + suffix;
    }
}
