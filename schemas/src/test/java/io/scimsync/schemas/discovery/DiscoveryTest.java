package io.scimsync.schemas.discovery;

import static io.scimsync.schemas.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.model.SchemaRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DiscoveryTest {

    private static final String BASE = "https://scim.example.com/scim/v2";

    private final Discovery discovery = new Discovery(SchemaRegistry.standard(), 200);

    @Test
    void serviceProviderConfigAdvertisesFeatures() {
        ObjectNode config = discovery.serviceProviderConfig(BASE);

        assertThat(config.get("schemas")).isEqualTo(json("['" + ScimSchemas.SERVICE_PROVIDER_CONFIG
                + "']"));
        assertThat(config.get("patch")).isEqualTo(json("{'supported':true}"));
        assertThat(config.get("bulk").get("supported").booleanValue()).isFalse();
        assertThat(config.get("filter")).isEqualTo(json("{'supported':true,'maxResults':200}"));
        assertThat(config.get("changePassword")).isEqualTo(json("{'supported':false}"));
        assertThat(config.get("sort")).isEqualTo(json("{'supported':true}"));
        assertThat(config.get("etag")).isEqualTo(json("{'supported':true}"));
    }

    @Test
    void serviceProviderConfigAdvertisesBulkLimits() {
        var withBulk = new Discovery(SchemaRegistry.standard(), 200, new BulkLimits(1000, 1048576));

        assertThat(withBulk.serviceProviderConfig(BASE).get("bulk")).isEqualTo(json(
                "{'supported':true,'maxOperations':1000,'maxPayloadSize':1048576}"));
    }

    @Test
    void serviceProviderConfigHasOneBearerTokenScheme() {
        JsonNode schemes = discovery.serviceProviderConfig(BASE).get("authenticationSchemes");

        assertThat(schemes).hasSize(1);
        assertThat(schemes.get(0).get("type").asString()).isEqualTo("oauthbearertoken");
        assertThat(schemes.get(0).get("name").asString()).isNotBlank();
        assertThat(schemes.get(0).get("description").asString()).isNotBlank();
    }

    @Test
    void serviceProviderConfigHasMeta() {
        assertThat(discovery.serviceProviderConfig(BASE + "/").get("meta")).isEqualTo(json(
                "{'resourceType':'ServiceProviderConfig','location':'" + BASE
                        + "/ServiceProviderConfig'}"));
    }

    @Test
    void resourceTypesAreUserAndGroup() {
        List<ObjectNode> types = discovery.resourceTypes(BASE);

        assertThat(types).extracting(type -> type.get("id").asString()).containsExactly("User",
                "Group");
        assertThat(types).extracting(type -> type.get("endpoint").asString())
                .containsExactly("/Users", "/Groups");
    }

    @Test
    void userResourceTypeHasOptionalEnterpriseExtension() {
        ObjectNode user = discovery.resourceType("User", BASE).orElseThrow();

        assertThat(user.get("schema").asString()).isEqualTo(ScimSchemas.USER);
        assertThat(user.get("schemaExtensions")).isEqualTo(json(
                "[{'schema':'" + ScimSchemas.ENTERPRISE_USER + "','required':false}]"));
        assertThat(user.get("meta")).isEqualTo(json(
                "{'resourceType':'ResourceType','location':'" + BASE + "/ResourceTypes/User'}"));
    }

    @Test
    void groupResourceTypeHasNoExtension() {
        ObjectNode group = discovery.resourceType("group", BASE).orElseThrow();

        assertThat(group.get("schema").asString()).isEqualTo(ScimSchemas.GROUP);
        assertThat(group.get("schemaExtensions")).isEmpty();
    }

    @Test
    void unknownResourceTypeIsEmpty() {
        assertThat(discovery.resourceType("Device", BASE)).isEmpty();
    }

    @Test
    void schemasComeFromRegistry() {
        List<ObjectNode> schemas = discovery.schemas(BASE);

        assertThat(schemas).extracting(schema -> schema.get("id").asString())
                .containsExactly(ScimSchemas.USER, ScimSchemas.GROUP, ScimSchemas.ENTERPRISE_USER);
        assertThat(schemas.get(0).get("attributes")).hasSize(21);
    }

    @Test
    void schemaResourceHasMetaAndAttributeCharacteristics() {
        ObjectNode group = discovery.schema(ScimSchemas.GROUP, BASE).orElseThrow();
        JsonNode members = group.get("attributes").get(1);

        assertThat(group.get("meta")).isEqualTo(json(
                "{'resourceType':'Schema','location':'" + BASE + "/Schemas/" + ScimSchemas.GROUP
                        + "'}"));
        assertThat(members.get("name").asString()).isEqualTo("members");
        assertThat(members.get("multiValued").booleanValue()).isTrue();
        assertThat(members.get("subAttributes").get(0).get("mutability").asString())
                .isEqualTo("immutable");
    }

    @Test
    void unknownSchemaIsEmpty() {
        assertThat(discovery.schema("urn:example:none", BASE)).isEmpty();
    }
}
