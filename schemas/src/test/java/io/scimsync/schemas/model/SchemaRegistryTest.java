package io.scimsync.schemas.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.ScimSchemas;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {

    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;

    private final SchemaRegistry registry = SchemaRegistry.standard();

    @Test
    void listsUserGroupAndEnterpriseSchemas() {
        assertThat(registry.schemas()).extracting(SchemaDefinition::id)
                .containsExactly(ScimSchemas.USER, ScimSchemas.GROUP, ENTERPRISE);
    }

    @Test
    void findsSchemaIgnoringCase() {
        assertThat(registry.schema(ScimSchemas.USER.toUpperCase())).isPresent();
    }

    @Test
    void userSchemaHasEveryRfcAttribute() {
        assertThat(registry.coreSchema(ResourceType.USER).attributes())
                .extracting(AttributeDefinition::name)
                .containsExactly("userName", "name", "displayName", "nickName", "profileUrl",
                        "title", "userType", "preferredLanguage", "locale", "timezone", "active",
                        "password", "emails", "phoneNumbers", "ims", "photos", "addresses",
                        "groups", "entitlements", "roles", "x509Certificates");
    }

    @Test
    void enterpriseSchemaHasEveryRfcAttribute() {
        assertThat(registry.schema(ENTERPRISE).orElseThrow().attributes())
                .extracting(AttributeDefinition::name)
                .containsExactly("employeeNumber", "costCenter", "organization", "division",
                        "department", "manager");
    }

    @Test
    void userExtensionIsEnterprise() {
        assertThat(registry.extensionsOf(ResourceType.USER)).containsExactly(ENTERPRISE);
        assertThat(registry.extensionsOf(ResourceType.GROUP)).isEmpty();
    }

    @Test
    void resolvesAttributeIgnoringCase() {
        assertThat(registry.attribute(ResourceType.USER, "USERNAME"))
                .map(AttributeDefinition::name).hasValue("userName");
    }

    @Test
    void resolvesSubAttribute() {
        assertThat(registry.attribute(ResourceType.USER, "name.givenName"))
                .map(AttributeDefinition::name).hasValue("givenName");
        assertThat(registry.attribute(ResourceType.USER, "emails.value"))
                .map(AttributeDefinition::type).hasValue(AttributeType.STRING);
    }

    @Test
    void resolvesFilteredPathToItsSubAttribute() {
        assertThat(registry.attribute(ResourceType.USER, "emails[type eq \"work\"].value"))
                .map(AttributeDefinition::name).hasValue("value");
    }

    @Test
    void resolvesEnterpriseAttributeByUrn() {
        ResolvedAttribute resolved =
                registry.resolve(ResourceType.USER, ENTERPRISE + ":department").orElseThrow();

        assertThat(resolved.extensionUrn()).isEqualTo(ENTERPRISE);
        assertThat(resolved.attribute().name()).isEqualTo("department");
        assertThat(resolved.canonicalPath()).isEqualTo(ENTERPRISE + ":department");
    }

    @Test
    void resolvesCoreUrnQualifiedPathAsCoreAttribute() {
        ResolvedAttribute resolved =
                registry.resolve(ResourceType.USER, ScimSchemas.USER + ":userName").orElseThrow();

        assertThat(resolved.inExtension()).isFalse();
        assertThat(resolved.attribute().name()).isEqualTo("userName");
    }

    @Test
    void resolvesUnqualifiedExtensionAttributeInExtension() {
        ResolvedAttribute resolved = registry.resolve(ResourceType.USER, "manager").orElseThrow();

        assertThat(resolved.extensionUrn()).isEqualTo(ENTERPRISE);
        assertThat(resolved.attribute().name()).isEqualTo("manager");
    }

    @Test
    void resolvesCommonAttributes() {
        assertThat(registry.attribute(ResourceType.GROUP, "id")).isPresent();
        assertThat(registry.attribute(ResourceType.GROUP, "externalId")).isPresent();
        assertThat(registry.attribute(ResourceType.USER, "meta.lastModified"))
                .map(AttributeDefinition::type).hasValue(AttributeType.DATE_TIME);
    }

    @Test
    void unknownAttributeResolvesToNothing() {
        assertThat(registry.attribute(ResourceType.USER, "members")).isEmpty();
        assertThat(registry.attribute(ResourceType.USER, "name.nothing")).isEmpty();
        assertThat(registry.attribute(ResourceType.GROUP, ENTERPRISE + ":department")).isEmpty();
        assertThat(registry.attribute(ResourceType.USER, "emails[type eq")).isEmpty();
    }

    @Test
    void idIsReadOnlyAndCaseExact() {
        AttributeDefinition id = registry.attribute(ResourceType.USER, "id").orElseThrow();

        assertThat(id.mutability()).isEqualTo(Mutability.READ_ONLY);
        assertThat(id.caseExact()).isTrue();
        assertThat(id.returned()).isEqualTo(Returned.ALWAYS);
    }

    @Test
    void externalIdIsCaseExact() {
        assertThat(registry.attribute(ResourceType.USER, "externalId"))
                .map(AttributeDefinition::caseExact).hasValue(true);
    }

    @Test
    void passwordIsWriteOnlyAndNeverReturned() {
        AttributeDefinition password = registry.attribute(ResourceType.USER, "password")
                .orElseThrow();

        assertThat(password.mutability()).isEqualTo(Mutability.WRITE_ONLY);
        assertThat(password.returned()).isEqualTo(Returned.NEVER);
    }

    @Test
    void userNameIsRequiredAndUnique() {
        AttributeDefinition userName = registry.attribute(ResourceType.USER, "userName")
                .orElseThrow();

        assertThat(userName.required()).isTrue();
        assertThat(userName.uniqueness()).isEqualTo(Uniqueness.SERVER);
        assertThat(userName.caseExact()).isFalse();
    }

    @Test
    void groupDisplayNameIsRequired() {
        assertThat(registry.attribute(ResourceType.GROUP, "displayName"))
                .map(AttributeDefinition::required).hasValue(true);
    }

    @Test
    void membersValueIsImmutable() {
        assertThat(registry.attribute(ResourceType.GROUP, "members.value"))
                .map(AttributeDefinition::mutability).hasValue(Mutability.IMMUTABLE);
    }

    @Test
    void readOnlyAttributesAreMarked() {
        assertThat(registry.attribute(ResourceType.USER, "groups"))
                .map(AttributeDefinition::mutability).hasValue(Mutability.READ_ONLY);
        assertThat(registry.attribute(ResourceType.USER, "meta"))
                .map(AttributeDefinition::mutability).hasValue(Mutability.READ_ONLY);
        assertThat(registry.attribute(ResourceType.USER, ENTERPRISE + ":manager.displayName"))
                .map(AttributeDefinition::mutability).hasValue(Mutability.READ_ONLY);
    }

    @Test
    void emailTypeHasCanonicalValues() {
        assertThat(registry.attribute(ResourceType.USER, "emails.type").orElseThrow()
                .canonicalValues()).containsExactly("work", "home", "other");
    }

    @Test
    void groupsReferenceTypesAreUserAndGroup() {
        assertThat(registry.attribute(ResourceType.USER, "groups.$ref").orElseThrow()
                .referenceTypes()).containsExactly("User", "Group");
    }

    @Test
    void schemaSurvivesJsonRoundTrip() {
        for (SchemaDefinition schema : registry.schemas()) {
            assertThat(SchemaDefinition.fromJson(schema.toJson())).isEqualTo(schema);
        }
    }

    @Test
    void attributeJsonUsesRfcWireNames() {
        AttributeDefinition password = registry.attribute(ResourceType.USER, "password")
                .orElseThrow();

        assertThat(password.toJson().get("mutability").asString()).isEqualTo("writeOnly");
        assertThat(password.toJson().get("returned").asString()).isEqualTo("never");
        assertThat(password.toJson().get("type").asString()).isEqualTo("string");
    }
}
