package io.scimsync.standalone.conformance;

import static io.scimsync.standalone.conformance.ConformanceRequests.ENTERPRISE_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.GROUP_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.LIST_RESPONSE_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.USER_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.assertScimError;
import static io.scimsync.standalone.conformance.ConformanceRequests.valuesIn;
import static io.scimsync.standalone.conformance.ConformanceRequests.valuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The discovery endpoints of RFC 7644 4 and the resources they return: ServiceProviderConfig
 * (RFC 7643 5), ResourceType (RFC 7643 6) and Schema (RFC 7643 7).
 */
class DiscoveryConformanceIT {

    private static final String SERVICE_PROVIDER_CONFIG_SCHEMA =
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final List<String> ATTRIBUTE_CHARACTERISTICS = List.of("name", "type",
            "multiValued", "required", "mutability", "returned", "uniqueness");

    private static StandaloneInstance standalone;
    private static ScimClient scim;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        scim = new ScimClient(standalone.scimUrl(),
                standalone.newTenantToken("discovery-conformance").token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 7643 5: ServiceProviderConfig has every feature with supported")
    void serviceProviderConfigListsFeatures() {
        JsonNode config = read("/ServiceProviderConfig");

        assertThat(config.path("schemas").path(0).asString())
                .isEqualTo(SERVICE_PROVIDER_CONFIG_SCHEMA);
        for (String feature : List.of("patch", "bulk", "filter", "changePassword", "sort",
                "etag")) {
            assertThat(config.path(feature).path("supported").isBoolean())
                    .as("%s.supported is a boolean", feature).isTrue();
        }
        assertThat(config.path("bulk").path("maxOperations").isIntegralNumber()).isTrue();
        assertThat(config.path("bulk").path("maxPayloadSize").isIntegralNumber()).isTrue();
        assertThat(config.path("filter").path("maxResults").asInt()).isPositive();
    }

    @Test
    @DisplayName("RFC 7643 5: ServiceProviderConfig describes its authentication schemes")
    void serviceProviderConfigListsAuthenticationSchemes() {
        JsonNode schemes = read("/ServiceProviderConfig").path("authenticationSchemes");

        assertThat(schemes.size()).isPositive();
        for (JsonNode scheme : schemes) {
            assertThat(scheme.path("type").asString()).isEqualTo("oauthbearertoken");
            assertThat(scheme.path("name").asString()).isNotBlank();
            assertThat(scheme.path("description").asString()).isNotBlank();
        }
    }

    @Test
    @DisplayName("RFC 7644 4, RFC 7643 6: ResourceTypes lists User and Group")
    void resourceTypesListsUserAndGroup() {
        JsonNode list = read("/ResourceTypes");

        assertThat(list.path("schemas").path(0).asString()).isEqualTo(LIST_RESPONSE_SCHEMA);
        assertThat(list.path("totalResults").asInt()).isEqualTo(list.path("Resources").size());
        assertThat(valuesOf(list, "name")).containsExactlyInAnyOrder("User", "Group");
        assertThat(valuesOf(list, "endpoint")).containsExactlyInAnyOrder("/Users", "/Groups");
        assertThat(valuesOf(list, "schema")).containsExactlyInAnyOrder(USER_SCHEMA, GROUP_SCHEMA);
    }

    @Test
    @DisplayName("RFC 7644 4: one ResourceType is returned unwrapped, with its extensions")
    void oneResourceTypeUnwrapped() {
        JsonNode user = read("/ResourceTypes/User");

        assertThat(user.has("Resources")).isFalse();
        assertThat(user.path("id").asString()).isEqualTo("User");
        assertThat(valuesIn(user.path("schemaExtensions"), "schema"))
                .containsExactly(ENTERPRISE_SCHEMA);
        assertThat(user.path("schemaExtensions").path(0).path("required").isBoolean()).isTrue();
    }

    @Test
    @DisplayName("RFC 7644 4, RFC 7643 7: Schemas lists the core and extension schemas")
    void schemasListsEverySchema() {
        JsonNode list = read("/Schemas");

        assertThat(valuesOf(list, "id"))
                .containsExactlyInAnyOrder(USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_SCHEMA);
        assertThat(list.path("totalResults").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("RFC 7643 7: every attribute definition states its characteristics")
    void attributeDefinitionsStateCharacteristics() {
        for (JsonNode schema : read("/Schemas").path("Resources")) {
            for (JsonNode attribute : schema.path("attributes")) {
                for (String characteristic : ATTRIBUTE_CHARACTERISTICS) {
                    assertThat(attribute.has(characteristic))
                            .as("%s of %s in %s", characteristic, attribute.path("name"),
                                    schema.path("id"))
                            .isTrue();
                }
                if ("complex".equals(attribute.path("type").asString())) {
                    assertThat(attribute.path("subAttributes").size())
                            .as("subAttributes of %s", attribute.path("name")).isPositive();
                }
            }
        }
    }

    @Test
    @DisplayName("RFC 7643 4.1.1, 7: userName is required and unique within the server")
    void userNameDefinition() {
        JsonNode schema = read("/Schemas/" + USER_SCHEMA);
        JsonNode userName = null;
        for (JsonNode attribute : schema.path("attributes")) {
            if ("userName".equals(attribute.path("name").asString())) {
                userName = attribute;
            }
        }

        assertThat(userName).isNotNull();
        assertThat(userName.path("required").asBoolean(false)).isTrue();
        assertThat(userName.path("uniqueness").asString()).isEqualTo("server");
        assertThat(userName.path("caseExact").asBoolean(true)).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 4: an unknown ResourceType or Schema is 404")
    void unknownDiscoveryEntryIsNotFound() {
        assertScimError(scim.get("/ResourceTypes/Device"), 404);
        assertScimError(scim.get("/Schemas/urn:example:unknown"), 404);
    }

    @Test
    @DisplayName("RFC 7644 4: a filter on /Schemas or /ResourceTypes is 403")
    void filterOnDiscoveryIsForbidden() {
        String filter = ScimClient.filterQuery("name eq \"User\"");

        assertScimError(scim.get("/Schemas?" + filter), 403);
        assertScimError(scim.get("/ResourceTypes?" + filter), 403);
    }

    @Test
    @DisplayName("RFC 7644 4: paging parameters on discovery lists are ignored")
    void pagingOnDiscoveryIsIgnored() {
        JsonNode list = read("/Schemas?startIndex=2&count=1");

        assertThat(list.path("Resources").size()).isEqualTo(3);
    }

    @Test
    @DisplayName("RFC 7643 6, 7: meta.location of a discovery resource can be read")
    void discoveryLocationsResolve() {
        for (JsonNode resourceType : read("/ResourceTypes").path("Resources")) {
            String location = resourceType.path("meta").path("location").asString();
            assertThat(location).startsWith(standalone.scimUrl() + "/ResourceTypes/");

            JsonNode read = read(location.substring(standalone.scimUrl().length()));

            assertThat(read.path("id").asString()).isEqualTo(resourceType.path("id").asString());
        }
    }

    private static JsonNode read(String path) {
        Response answer = scim.get(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
        return answer.json();
    }
}
