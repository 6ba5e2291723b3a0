package io.scimsync.schemas.profile;

import static io.scimsync.schemas.Json.json;
import static io.scimsync.schemas.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.patch.PatchEngine;
import io.scimsync.schemas.patch.PatchRequestParser;
import io.scimsync.schemas.resource.ResourceValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derivation from users in the form the store keeps them: Entra's request bodies passed through
 * the same validator and PATCH engine that the ingress and the processor use.
 */
class ProfileMapperTest {

    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();

    private final ProfileMapper mapper = new ProfileMapper();
    private final ResourceValidator validator = new ResourceValidator(REGISTRY);
    private final PatchEngine patches = new PatchEngine(REGISTRY);

    /** A POST body as Entra's default attribute mapping sends it. */
    private static final String ENTRA_CREATE = "{'schemas':['" + ScimSchemas.USER + "','"
            + ENTERPRISE + "'],'externalId':'alice','userName':'alice@contoso.example',"
            + "'active':true,'displayName':'Alice Example','title':'Engineer',"
            + "'emails':[{'primary':true,'type':'work','value':'alice@contoso.example'}],"
            + "'name':{'formatted':'Alice Example','familyName':'Example','givenName':'Alice'},"
            + "'" + ENTERPRISE + "':{'employeeNumber':'E1001','department':'R&D'},"
            + "'meta':{'resourceType':'User'},'roles':[]}";

    private ObjectNode stored(String body) {
        return validator.validate(ResourceType.USER, json(body));
    }

    private ObjectNode patched(ObjectNode user, String operations) {
        return patches.apply(ResourceType.USER, user, PatchRequestParser.parse(json(
                "{'schemas':['" + ScimSchemas.PATCH_OP + "'],'Operations':" + operations + "}")));
    }

    private ObjectNode derive(ObjectNode user) {
        return mapper.derive(ProfileMapping.DEFAULT, user);
    }

    private ObjectNode derive(String mapping, ObjectNode user) {
        return mapper.derive(ProfileMapping.parse(json(mapping), REGISTRY), user);
    }

    @Test
    void defaultMappingDerivesEveryFieldOfEntraUser() {
        ObjectNode user = patched(stored(ENTRA_CREATE), "[{'op':'Add','path':'" + ENTERPRISE
                + ":manager','value':'m-1'}]");

        ObjectNode profile = derive(user);

        assertThat(profile).isEqualTo(object("{'principalName':'alice@contoso.example',"
                + "'displayName':'Alice Example','givenName':'Alice','familyName':'Example',"
                + "'email':'alice@contoso.example','active':true,'externalId':'alice',"
                + "'employeeNumber':'E1001','department':'R&D','managerId':'m-1'}"));
    }

    @Test
    void defaultDialectUpdatesReachProfile() {
        ObjectNode user = patched(stored(ENTRA_CREATE), "["
                + "{'op':'Replace','path':'emails[type eq \"work\"].value',"
                + "'value':'alicia@contoso.example'},"
                + "{'op':'Replace','path':'name.givenName','value':'Alicia'},"
                + "{'op':'Replace','path':'" + ENTERPRISE + ":employeeNumber','value':'E1002'},"
                + "{'op':'Add','path':'" + ENTERPRISE + ":manager',"
                + "'value':[{'$ref':'../Users/m-2','value':'m-2'}]},"
                + "{'op':'Replace','path':'active','value':'False'}]");

        ObjectNode profile = derive(user);

        assertThat(profile.path("email").asString()).isEqualTo("alicia@contoso.example");
        assertThat(profile.path("givenName").asString()).isEqualTo("Alicia");
        assertThat(profile.path("employeeNumber").asString()).isEqualTo("E1002");
        assertThat(profile.path("managerId").asString()).isEqualTo("m-2");
        assertThat(profile.path("active").isBoolean()).isTrue();
        assertThat(profile.path("active").booleanValue()).isFalse();
    }

    @Test
    void compliantDialectUpdatesReachProfile() {
        ObjectNode user = patched(stored(ENTRA_CREATE), "["
                + "{'op':'replace','value':{'displayName':'Carol J','name.familyName':'Jonas',"
                + "'" + ENTERPRISE + ":department':'Ops'}},"
                + "{'op':'add','path':'" + ENTERPRISE + ":manager','value':{'value':'m-3'}},"
                + "{'op':'replace','path':'active','value':false}]");

        ObjectNode profile = derive(user);

        assertThat(profile.path("displayName").asString()).isEqualTo("Carol J");
        assertThat(profile.path("familyName").asString()).isEqualTo("Jonas");
        assertThat(profile.path("department").asString()).isEqualTo("Ops");
        assertThat(profile.path("managerId").asString()).isEqualTo("m-3");
        assertThat(profile.path("active").booleanValue()).isFalse();
    }

    @Test
    void minimalUserHasOnlyMappedValues() {
        ObjectNode profile = derive(stored("{'userName':'bob@contoso.example'}"));

        assertThat(profile).isEqualTo(object("{'principalName':'bob@contoso.example'}"));
    }

    @Test
    void displayNameFallsBackToFormattedName() {
        ObjectNode user = stored("{'userName':'bob','name':{'formatted':'Bob Boss'},"
                + "'displayName':'  '}");

        assertThat(derive(user).path("displayName").asString()).isEqualTo("Bob Boss");
    }

    @Test
    void emailFallsBackToPrimaryThenFirst() {
        ObjectNode primary = stored("{'userName':'bob','emails':["
                + "{'type':'home','value':'home@example.org'},"
                + "{'type':'other','value':'main@example.org','primary':true}]}");
        ObjectNode first = stored("{'userName':'bob','emails':["
                + "{'type':'home','value':'home@example.org'},"
                + "{'type':'other','value':'other@example.org'}]}");

        assertThat(derive(primary).path("email").asString()).isEqualTo("main@example.org");
        assertThat(derive(first).path("email").asString()).isEqualTo("home@example.org");
    }

    @Test
    void workEmailWinsOverPrimary() {
        ObjectNode user = stored("{'userName':'bob','emails':["
                + "{'type':'home','value':'home@example.org','primary':true},"
                + "{'type':'work','value':'work@example.org'}]}");

        assertThat(derive(user).path("email").asString()).isEqualTo("work@example.org");
    }

    @Test
    void valueFilterComparesWithoutRegardToCase() {
        ObjectNode user = stored("{'userName':'bob','emails':["
                + "{'type':'home','value':'home@example.org'},"
                + "{'type':'WORK','value':'work@example.org'}]}");

        ObjectNode profile = derive("{'fields':{'principalName':['userName'],"
                + "'email':['emails[type eq \"work\"].value']}}", user);

        assertThat(profile.path("email").asString()).isEqualTo("work@example.org");
    }

    @Test
    void valueFilterMatchingNothingLeavesFieldAbsent() {
        ObjectNode user = stored("{'userName':'bob','emails':["
                + "{'type':'home','value':'home@example.org'}]}");

        ObjectNode profile = derive("{'fields':{'principalName':['userName'],"
                + "'email':['emails[type eq \"work\" and primary eq true].value']}}", user);

        assertThat(profile.has("email")).isFalse();
    }

    @Test
    void qualifiedAndBareNamesResolve() {
        ObjectNode user = patched(stored(ENTRA_CREATE), "[{'op':'Add','path':'" + ENTERPRISE
                + ":manager','value':'m-1'}]");

        ObjectNode profile = derive("{'fields':{'principalName':['" + ScimSchemas.USER
                + ":userName'],'managerId':['manager.value'],'department':['department']}}", user);

        assertThat(profile.path("principalName").asString()).isEqualTo("alice@contoso.example");
        assertThat(profile.path("managerId").asString()).isEqualTo("m-1");
        assertThat(profile.path("department").asString()).isEqualTo("R&D");
    }

    @Test
    void principalNameFallsBackToLaterPath() {
        ObjectNode user = stored("{'userName':'bob'}");

        ObjectNode profile = derive("{'fields':{'principalName':['externalId','userName']}}", user);

        assertThat(profile.path("principalName").asString()).isEqualTo("bob");
    }

    @Test
    void missingPrincipalNameFails() {
        ObjectNode user = stored("{'userName':'bob'}");
        ProfileMapping mapping = ProfileMapping.parse(json(
                "{'fields':{'principalName':['externalId','emails.value']}}"), REGISTRY);

        assertThatThrownBy(() -> mapper.derive(mapping, user))
                .isInstanceOfSatisfying(ProfileDerivationException.class, e -> {
                    assertThat(e.field()).isEqualTo(ProfileField.PRINCIPAL_NAME);
                    assertThat(e.reason()).contains("[externalId, emails.value]", "no");
                });
    }

    @Test
    void complexValueWhereStringExpectedFails() {
        ObjectNode user = object("{'userName':'bob','displayName':{'formatted':'Bob'}}");

        assertThatThrownBy(() -> derive(user))
                .isInstanceOfSatisfying(ProfileDerivationException.class, e -> {
                    assertThat(e.field()).isEqualTo(ProfileField.DISPLAY_NAME);
                    assertThat(e.reason()).contains("'displayName' contains an object",
                            "takes a string");
                });
    }

    @Test
    void nonBooleanActiveFails() {
        ObjectNode user = object("{'userName':'bob','active':'False'}");

        assertThatThrownBy(() -> derive(user))
                .isInstanceOfSatisfying(ProfileDerivationException.class, e -> {
                    assertThat(e.field()).isEqualTo(ProfileField.ACTIVE);
                    assertThat(e.reason()).contains("contains a string", "takes a boolean");
                });
    }

    @Test
    void numberWhereStringExpectedFails() {
        ObjectNode user = object("{'userName':'bob','" + ENTERPRISE + "':{'employeeNumber':7}}");

        assertThatThrownBy(() -> derive(user))
                .isInstanceOfSatisfying(ProfileDerivationException.class, e ->
                        assertThat(e.field()).isEqualTo(ProfileField.EMPLOYEE_NUMBER));
    }

    @Test
    void scalarWhereObjectExpectedFails() {
        ObjectNode user = object("{'userName':'bob','name':'Bob Boss'}");

        assertThatThrownBy(() -> derive(user))
                .isInstanceOfSatisfying(ProfileDerivationException.class, e -> {
                    assertThat(e.field()).isEqualTo(ProfileField.DISPLAY_NAME);
                    assertThat(e.reason()).contains("expects 'name' to contain objects");
                });
    }

    @Test
    void failureMessageOmitsValues() {
        ObjectNode user = object("{'userName':'bob','displayName':{'secret':'Bob Boss'}}");

        assertThatThrownBy(() -> derive(user))
                .hasMessageNotContaining("Bob Boss")
                .hasMessageContaining("displayName");
    }
}
