package io.scimsync.schemas.resource;

import static io.scimsync.schemas.Json.json;
import static io.scimsync.schemas.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.ScimSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ProjectionTest {

    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;

    private static ObjectNode alice() {
        return object("{'schemas':['" + ScimSchemas.USER + "','" + ENTERPRISE + "'],'id':'u1',"
                + "'userName':'alice','password':'secret','name':{'givenName':'Alice',"
                + "'familyName':'Smith'},'title':'Engineer',"
                + "'emails':[{'value':'a@x','type':'work'}],"
                + "'" + ENTERPRISE + "':{'department':'R&D','employeeNumber':'42'},"
                + "'meta':{'resourceType':'User'}}");
    }

    private static ObjectNode engineering() {
        return object("{'schemas':['" + ScimSchemas.GROUP + "'],'id':'g1','displayName':'Eng',"
                + "'members':[{'value':'u1'}],'meta':{'resourceType':'Group'}}");
    }

    private static ObjectNode user(String attributes, String excluded) {
        return Projection.of(attributes, excluded).apply(ResourceType.USER, alice());
    }

    @Test
    void noParametersReturnsDefaultsWithoutPassword() {
        ObjectNode projected = user(null, null);

        assertThat(projected.has("password")).isFalse();
        assertThat(projected).isEqualTo(alice().without("password"));
    }

    @Test
    void attributesKeepsAlwaysReturnedOnes() {
        assertThat(user("title", null)).isEqualTo(json("{'schemas':['" + ScimSchemas.USER
                + "'],'id':'u1','userName':'alice','title':'Engineer'}"));
    }

    @Test
    void schemasKeepExtensionWithSelectedData() {
        ObjectNode projected = user(ENTERPRISE + ":department", null);

        assertThat(projected.get("schemas")).isEqualTo(json("['" + ScimSchemas.USER + "','"
                + ENTERPRISE + "']"));
    }

    @Test
    void attributesSelectsSubAttribute() {
        ObjectNode projected = user("name.givenName,emails.value", null);

        assertThat(projected.get("name")).isEqualTo(json("{'givenName':'Alice'}"));
        assertThat(projected.get("emails")).isEqualTo(json("[{'value':'a@x'}]"));
    }

    @Test
    void attributesMatchIgnoringCaseAndUrn() {
        ObjectNode projected = user(" TITLE , " + ScimSchemas.USER + ":NAME ", null);

        assertThat(projected.has("title")).isTrue();
        assertThat(projected.has("name")).isTrue();
        assertThat(projected.has("emails")).isFalse();
    }

    @Test
    void attributesSelectsOneExtensionAttribute() {
        ObjectNode projected = user(ENTERPRISE + ":department", null);

        assertThat(projected.get(ENTERPRISE)).isEqualTo(json("{'department':'R&D'}"));
    }

    @Test
    void attributesSelectsWholeExtension() {
        assertThat(user(ENTERPRISE, null).get(ENTERPRISE)).isEqualTo(alice().get(ENTERPRISE));
    }

    @Test
    void attributesCannotReturnPassword() {
        assertThat(user("password", null).has("password")).isFalse();
    }

    @Test
    void excludedAttributesDropsThem() {
        ObjectNode projected = user(null, "emails,name.familyName," + ENTERPRISE
                + ":employeeNumber");

        assertThat(projected.has("emails")).isFalse();
        assertThat(projected.get("name")).isEqualTo(json("{'givenName':'Alice'}"));
        assertThat(projected.get(ENTERPRISE)).isEqualTo(json("{'department':'R&D'}"));
    }

    @Test
    void excludedAttributesCannotDropAlwaysReturnedOnes() {
        ObjectNode projected = user(null, "id,userName");

        assertThat(projected.has("id")).isTrue();
        assertThat(projected.has("userName")).isTrue();
    }

    @Test
    void attributesWinOverExcludedAttributes() {
        ObjectNode projected = user("title", "title");

        assertThat(projected.has("title")).isTrue();
        assertThat(projected.has("name")).isFalse();
    }

    @Test
    void excludedMembersLeavesGroupWithoutMembers() {
        ObjectNode projected = Projection.of(null, "members").apply(ResourceType.GROUP,
                engineering());

        assertThat(projected).isEqualTo(engineering().without("members"));
    }

    @Test
    void unknownNamesAreIgnored() {
        assertThat(user(null, "favouriteColour")).isEqualTo(alice().without("password"));
    }

    @Test
    void excludesMembersWhenExcluded() {
        assertThat(Projection.of(null, "members").excludes("members")).isTrue();
    }

    @Test
    void excludesMembersWhenAttributesOmitIt() {
        assertThat(Projection.of("displayName", null).excludes("members")).isTrue();
    }

    @Test
    void doesNotExcludeMembersSelectedBySubAttribute() {
        assertThat(Projection.of("members.value", null).excludes("members")).isFalse();
    }

    @Test
    void doesNotExcludeMembersByDefault() {
        assertThat(Projection.of(null, null).excludes("members")).isFalse();
        assertThat(Projection.of(null, "displayName").excludes("MEMBERS")).isFalse();
    }

    @Test
    void neverExcludesId() {
        assertThat(Projection.of("displayName", null).excludes("id")).isFalse();
    }

    @Test
    void excludesPerResourceType() {
        Projection projection = Projection.of("userName", null);

        assertThat(projection.excludes(ResourceType.USER, "displayName")).isTrue();
        assertThat(projection.excludes(ResourceType.GROUP, "displayName")).isFalse();
        assertThat(projection.excludes("displayName")).isFalse();
    }
}
