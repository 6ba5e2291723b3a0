package io.scimsync.schemas.profile;

import static io.scimsync.schemas.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.model.SchemaRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProfileMappingTest {

    private static final String ENTERPRISE =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static ProfileMapping parse(String singleQuoted) {
        return ProfileMapping.parse(json(singleQuoted), SchemaRegistry.standard());
    }

    private static InvalidMappingException rejection(String singleQuoted) {
        try {
            parse(singleQuoted);
        } catch (InvalidMappingException e) {
            return e;
        }
        throw new AssertionError("mapping was accepted: " + singleQuoted);
    }

    @Test
    void defaultMirrorsEntraDefaults() {
        JsonNode fields = ProfileMapping.DEFAULT.toJson().path("fields");

        assertThat(fields.path("principalName")).isEqualTo(json("['userName']"));
        assertThat(fields.path("displayName")).isEqualTo(json("['displayName','name.formatted']"));
        assertThat(fields.path("givenName")).isEqualTo(json("['name.givenName']"));
        assertThat(fields.path("familyName")).isEqualTo(json("['name.familyName']"));
        assertThat(fields.path("email")).isEqualTo(json("['emails[type eq \"work\"].value',"
                + "'emails[primary eq true].value','emails.value']"));
        assertThat(fields.path("active")).isEqualTo(json("['active']"));
        assertThat(fields.path("externalId")).isEqualTo(json("['externalId']"));
        assertThat(fields.path("employeeNumber")).isEqualTo(json("['" + ENTERPRISE
                + ":employeeNumber']"));
        assertThat(fields.path("department")).isEqualTo(json("['" + ENTERPRISE
                + ":department']"));
        assertThat(fields.path("managerId")).isEqualTo(json("['" + ENTERPRISE
                + ":manager.value']"));
    }

    @Test
    void renderedMappingParsesToEqualMapping() {
        JsonNode rendered = ProfileMapping.DEFAULT.toJson();

        ProfileMapping reparsed = ProfileMapping.parse(rendered, SchemaRegistry.standard());

        assertThat(reparsed).isEqualTo(ProfileMapping.DEFAULT);
        assertThat(reparsed.toJson()).isEqualTo(rendered);
    }

    @Test
    void omittedFieldsRenderAsEmptyLists() {
        ProfileMapping mapping = parse("{'fields':{'principalName':['externalId','userName']}}");

        assertThat(mapping.paths(ProfileField.DISPLAY_NAME)).isEmpty();
        assertThat(mapping.toJson().path("fields").path("displayName")).isEqualTo(json("[]"));
        assertThat(mapping.paths(ProfileField.PRINCIPAL_NAME)).extracting(MappedPath::text)
                .containsExactly("externalId", "userName");
    }

    @Test
    void pathsResolveToCanonicalNames() {
        ProfileMapping mapping = parse("{'fields':{'principalName':['USERNAME'],"
                + "'department':['" + ENTERPRISE.toUpperCase() + ":Department']}}");

        MappedPath department = mapping.paths(ProfileField.DEPARTMENT).get(0);
        assertThat(mapping.paths(ProfileField.PRINCIPAL_NAME).get(0).resolved().canonicalPath())
                .isEqualTo("userName");
        assertThat(department.resolved().canonicalPath()).isEqualTo(ENTERPRISE + ":department");
        assertThat(department.text()).isEqualTo(ENTERPRISE.toUpperCase() + ":Department");
    }

    @Test
    void valueFilterNamesCanonicalSubAttributes() {
        ProfileMapping mapping = parse("{'fields':{'principalName':['userName'],"
                + "'email':['emails[TYPE eq \"work\"].VALUE']}}");

        MappedPath email = mapping.paths(ProfileField.EMAIL).get(0);
        assertThat(email.valueFilter().getAttributePath().toString()).isEqualTo("type");
        assertThat(email.resolved().subAttribute().name()).isEqualTo("value");
    }

    @Test
    void unknownProfileFieldIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':['userName'],"
                + "'nickName':['nickName']}}");

        assertThat(e.field()).isEqualTo("fields.nickName");
        assertThat(e.getMessage()).contains("unknown profile field 'nickName'", "principalName");
    }

    @Test
    void unknownAttributeIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':['userName'],"
                + "'displayName':['displayName','fullName']}}");

        assertThat(e.field()).isEqualTo("fields.displayName[1]");
        assertThat(e.getMessage()).contains("'fullName' names no attribute");
    }

    @Test
    void unknownSubAttributeIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':['userName'],"
                + "'givenName':['name.middle']}}");

        assertThat(e.field()).isEqualTo("fields.givenName[0]");
        assertThat(e.getMessage()).contains("'name' has no sub-attribute 'middle'", "middleName");
    }

    @Test
    void unknownUrnQualifiedAttributeIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':['userName'],"
                + "'department':['" + ENTERPRISE + ":team']}}");

        assertThat(e.field()).isEqualTo("fields.department[0]");
        assertThat(e.getMessage()).contains(ENTERPRISE + ":team", "names no attribute");
    }

    @Test
    void unknownSchemaUrnIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':["
                + "'urn:example:custom:User:login']}}");

        assertThat(e.field()).isEqualTo("fields.principalName[0]");
        assertThat(e.getMessage()).contains("names no attribute");
    }

    @Test
    void unknownAttributeInValueFilterIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':['userName'],"
                + "'email':['emails[kind eq \"work\"].value']}}");

        assertThat(e.field()).isEqualTo("fields.email[0]");
        assertThat(e.getMessage()).contains("invalid value filter", "kind");
    }

    @Test
    void malformedPathIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':['userName'],"
                + "'email':['emails[type eq].value']}}");

        assertThat(e.field()).isEqualTo("fields.email[0]");
        assertThat(e.getMessage()).contains("invalid path", "position");
    }

    @Test
    void emptyPrincipalNameIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':[]}}");

        assertThat(e.field()).isEqualTo("fields.principalName");
        assertThat(e.getMessage()).contains("at least one attribute path");
    }

    @Test
    void missingPrincipalNameIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'displayName':['displayName']}}");

        assertThat(e.field()).isEqualTo("fields.principalName");
    }

    @Test
    void nonStringEntryIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':['userName'],"
                + "'displayName':['displayName',5]}}");

        assertThat(e.field()).isEqualTo("fields.displayName[1]");
        assertThat(e.getMessage()).contains("must be a string", "number");
    }

    @Test
    void fieldThatIsNoListIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':'userName'}}");

        assertThat(e.field()).isEqualTo("fields.principalName");
        assertThat(e.getMessage()).contains("must be an array", "string");
    }

    @Test
    void tooManyPathsAreRejected() {
        String paths = String.join(",", java.util.Collections.nCopies(
                MappingReader.MAX_PATHS_PER_FIELD + 1, "'userName'"));

        InvalidMappingException e = rejection("{'fields':{'principalName':[" + paths + "]}}");

        assertThat(e.field()).isEqualTo("fields.principalName");
        assertThat(e.getMessage()).contains("at most " + MappingReader.MAX_PATHS_PER_FIELD);
    }

    @Test
    void bodyShapeErrorsNameTheirField() {
        assertThat(rejection("[]").field()).isEqualTo("body");
        assertThat(rejection("{}").field()).isEqualTo("fields");
        assertThat(rejection("{'fields':[]}").field()).isEqualTo("fields");
        assertThat(rejection("{'fields':{'principalName':['userName']},'version':2}").field())
                .isEqualTo("version");
    }

    @Test
    void complexAttributeWithoutSubAttributeIsRejected() {
        InvalidMappingException e = rejection("{'fields':{'principalName':['userName'],"
                + "'displayName':['name']}}");

        assertThat(e.field()).isEqualTo("fields.displayName[0]");
        assertThat(e.getMessage()).contains("complex attribute 'name'", "givenName");
    }

    @Test
    void attributeOfOtherTypeIsRejected() {
        InvalidMappingException active = rejection("{'fields':{'principalName':['userName'],"
                + "'active':['userName']}}");
        InvalidMappingException principal = rejection("{'fields':{'principalName':['active']}}");

        assertThat(active.field()).isEqualTo("fields.active[0]");
        assertThat(active.getMessage()).contains("type string", "takes a boolean");
        assertThat(principal.field()).isEqualTo("fields.principalName[0]");
        assertThat(principal.getMessage()).contains("type boolean", "takes a string");
    }

    @Test
    void attributesTheStoreDoesNotKeepAreRejected() {
        for (String path : List.of("id", "meta.created", "groups.value",
                ENTERPRISE + ":manager.displayName", "password")) {
            InvalidMappingException e = rejection("{'fields':{'principalName':['" + path + "']}}");

            assertThat(e.field()).as(path).isEqualTo("fields.principalName[0]");
            assertThat(e.getMessage()).as(path).containsAnyOf("read-only", "never returned");
        }
    }
}
