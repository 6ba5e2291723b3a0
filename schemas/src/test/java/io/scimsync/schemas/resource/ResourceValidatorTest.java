package io.scimsync.schemas.resource;

import static io.scimsync.schemas.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import io.scimsync.schemas.model.SchemaRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ResourceValidatorTest {

    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;

    private final ResourceValidator validator = new ResourceValidator(SchemaRegistry.standard());

    private ObjectNode user(String body) {
        return validator.validate(ResourceType.USER, json(body));
    }

    private ObjectNode group(String body) {
        return validator.validate(ResourceType.GROUP, json(body));
    }

    private static void assertInvalidValue(Runnable call, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_VALUE);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void acceptsEntraCreateBody() {
        ObjectNode user = user("{'schemas':['" + ScimSchemas.USER + "','" + ENTERPRISE + "'],"
                + "'externalId':'alice','userName':'alice@contoso.example','active':true,"
                + "'displayName':'Alice','title':'Engineer',"
                + "'emails':[{'primary':true,'type':'work','value':'alice@contoso.example'}],"
                + "'name':{'givenName':'Alice','familyName':'Smith','formatted':'Alice Smith'},"
                + "'addresses':[{'type':'work','locality':'Oslo'}],"
                + "'phoneNumbers':[{'type':'work','value':'+47 555 0100'}],"
                + "'" + ENTERPRISE + "':{'employeeNumber':'42','department':'R&D'},"
                + "'meta':{'resourceType':'User'},'roles':[]}");

        assertThat(user).isEqualTo(json("{'schemas':['" + ScimSchemas.USER + "','" + ENTERPRISE
                + "'],'externalId':'alice','userName':'alice@contoso.example',"
                + "'name':{'formatted':'Alice Smith','familyName':'Smith','givenName':'Alice'},"
                + "'displayName':'Alice','title':'Engineer','active':true,"
                + "'emails':[{'value':'alice@contoso.example','type':'work','primary':true}],"
                + "'phoneNumbers':[{'value':'+47 555 0100','type':'work'}],"
                + "'addresses':[{'locality':'Oslo','type':'work'}],"
                + "'" + ENTERPRISE + "':{'employeeNumber':'42','department':'R&D'}}"));
    }

    @Test
    void rewritesAttributeNamesToSchemaCase() {
        ObjectNode user = user(
                "{'USERNAME':'a','Name':{'GIVENNAME':'A'},'EMAILS':[{'VALUE':'a@x'}]}");

        assertThat(user.get("userName").asString()).isEqualTo("a");
        assertThat(user.get("name").get("givenName").asString()).isEqualTo("A");
        assertThat(user.get("emails").get(0).get("value").asString()).isEqualTo("a@x");
    }

    @Test
    void dropsReadOnlyAttributes() {
        ObjectNode user = user("{'id':'u1','userName':'a','meta':{'resourceType':'User'},"
                + "'groups':[{'value':'g1'}]}");

        assertThat(user.has("id")).isFalse();
        assertThat(user.has("meta")).isFalse();
        assertThat(user.has("groups")).isFalse();
    }

    @Test
    void ignoresUnknownSchemaUris() {
        ObjectNode group = group("{'schemas':['" + ScimSchemas.GROUP
                + "','http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],"
                + "'displayName':'Engineering'}");

        assertThat(group.get("schemas")).isEqualTo(json("['" + ScimSchemas.GROUP + "']"));
    }

    @Test
    void listsExtensionPresentInBody() {
        ObjectNode user = user("{'schemas':['" + ScimSchemas.USER + "'],'userName':'a',"
                + "'" + ENTERPRISE + "':{'department':'R&D'}}");

        assertThat(user.get("schemas"))
                .isEqualTo(json("['" + ScimSchemas.USER + "','" + ENTERPRISE + "']"));
    }

    @Test
    void dropsExtensionUrnWithoutData() {
        ObjectNode user = user("{'schemas':['" + ScimSchemas.USER + "','" + ENTERPRISE + "'],"
                + "'userName':'a','" + ENTERPRISE + "':{'department':''}}");

        assertThat(user.get("schemas")).isEqualTo(json("['" + ScimSchemas.USER + "']"));
        assertThat(user.has(ENTERPRISE)).isFalse();
    }

    @Test
    void keepsUnknownExtensionAsSent() {
        ObjectNode user = user("{'userName':'a','urn:example:ext:1.0:User':{'Badge':7}}");

        assertThat(user.get("urn:example:ext:1.0:User")).isEqualTo(json("{'Badge':7}"));
        assertThat(user.get("schemas").toString()).contains("urn:example:ext:1.0:User");
    }

    @Test
    void acceptsUrnQualifiedExtensionAttribute() {
        ObjectNode user = user("{'userName':'a','" + ENTERPRISE + ":employeeNumber':'42'}");

        assertThat(user.get(ENTERPRISE)).isEqualTo(json("{'employeeNumber':'42'}"));
    }

    @Test
    void rejectsUnknownAttributeNamingIt() {
        assertInvalidValue(() -> user("{'userName':'a','favouriteColour':'blue'}"),
                "attribute 'favouriteColour' is not defined for resource type User");
    }

    @Test
    void rejectsUnknownExtensionAttribute() {
        assertInvalidValue(() -> user("{'userName':'a','" + ENTERPRISE + "':{'badge':'7'}}"),
                "attribute 'badge' is not defined in extension " + ENTERPRISE);
    }

    @Test
    void rejectsUnknownSubAttribute() {
        assertInvalidValue(() -> user("{'userName':'a','name':{'nick':'x'}}"),
                "attribute 'name' has no sub-attribute 'nick'");
    }

    @Test
    void rejectsWrongTypeSayingExpectedAndReceived() {
        assertInvalidValue(() -> user("{'userName':'a','active':'maybe'}"),
                "attribute 'active' expects a boolean (true or false), received \"maybe\"");
    }

    @Test
    void rejectsNumberForString() {
        assertInvalidValue(() -> user("{'userName':'a','title':7}"),
                "attribute 'title' expects a string, received 7");
    }

    @Test
    void doesNotQuotePasswordInTypeError() {
        assertThatThrownBy(() -> user("{'userName':'a','password':1234}"))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("received a number (not shown)")
                .hasMessageNotContaining("1234");
    }

    @Test
    void coercesBooleanStrings() {
        assertThat(user("{'userName':'a','active':'False'}").get("active").booleanValue())
                .isFalse();
        assertThat(user("{'userName':'a','active':'TRUE'}").get("active").booleanValue()).isTrue();
    }

    @Test
    void requiresUserName() {
        assertInvalidValue(() -> user("{'displayName':'Alice'}"),
                "attribute 'userName' is required");
    }

    @Test
    void requiresGroupDisplayName() {
        assertInvalidValue(() -> group("{'externalId':'x'}"),
                "attribute 'displayName' is required");
    }

    @Test
    void emptyUserNameCountsAsMissing() {
        assertInvalidValue(() -> user("{'userName':''}"), "attribute 'userName' is required");
    }

    @Test
    void removesEmptyStringsNullsAndEmptyArrays() {
        ObjectNode user = user("{'userName':'a','title':'','nickName':null,'roles':[],"
                + "'name':{'givenName':''},'emails':[{'value':''}]}");

        assertThat(user).isEqualTo(json("{'schemas':['" + ScimSchemas.USER + "'],'userName':'a'}"));
    }

    @Test
    void managerAsBareStringBecomesValueObject() {
        ObjectNode user = user("{'userName':'a','" + ENTERPRISE + "':{'manager':'m1'}}");

        assertThat(user.get(ENTERPRISE).get("manager")).isEqualTo(json("{'value':'m1'}"));
    }

    @Test
    void managerArrayWithRefBecomesValueObject() {
        ObjectNode user = user("{'userName':'a','" + ENTERPRISE + "':{'manager':"
                + "[{'$ref':'../Users/m1','value':'m1'}]}}");

        assertThat(user.get(ENTERPRISE).get("manager")).isEqualTo(json("{'value':'m1'}"));
    }

    @Test
    void managerObjectKeepsOnlyValue() {
        ObjectNode user = user("{'userName':'a','" + ENTERPRISE + "':{'manager':"
                + "{'value':'m1','displayName':'Boss'}}}");

        assertThat(user.get(ENTERPRISE).get("manager")).isEqualTo(json("{'value':'m1'}"));
    }

    @Test
    void managerWithEmptyValueIsDropped() {
        ObjectNode user = user("{'userName':'a','" + ENTERPRISE + "':{'manager':{'value':''}}}");

        assertThat(user.has(ENTERPRISE)).isFalse();
    }

    @Test
    void groupMembersKeepTheirIds() {
        ObjectNode group = group("{'displayName':'Eng','members':[{'$ref':null,'value':'u1'},"
                + "{'value':'u2','display':'Bob'}]}");

        assertThat(group.get("members")).isEqualTo(json("[{'value':'u1'},{'value':'u2'}]"));
    }

    @Test
    void memberWithoutValueIsRejected() {
        assertInvalidValue(() -> group("{'displayName':'Eng','members':[{'$ref':null}]}"),
                "attribute 'members.value' is required in every value of 'members'");
    }

    @Test
    void memberWithEmptyValueIsRejected() {
        assertInvalidValue(() -> group("{'displayName':'Eng','members':[{'value':''}]}"),
                "attribute 'members.value' is required");
    }

    @Test
    void memberWithNumericValueIsRejected() {
        assertInvalidValue(() -> group("{'displayName':'Eng','members':[{'value':5}]}"),
                "attribute 'members.value' expects a string, received 5");
    }

    @Test
    void rejectsTwoPrimaryValues() {
        assertInvalidValue(() -> user("{'userName':'a','emails':[{'value':'a@x','primary':true},"
                + "{'value':'b@x','primary':'True'}]}"),
                "attribute 'emails' has 2 values with primary true");
    }

    @Test
    void wrapsSingleValueOfMultiValuedAttribute() {
        ObjectNode user = user("{'userName':'a','emails':{'value':'a@x'}}");

        assertThat(user.get("emails")).isEqualTo(json("[{'value':'a@x'}]"));
    }

    @Test
    void rejectsArrayForSingleValuedString() {
        assertInvalidValue(() -> user("{'userName':['a','b']}"),
                "attribute 'userName' is single-valued");
    }

    @Test
    void rejectsMalformedBinary() {
        assertThatThrownBy(() -> validator.validate(ResourceType.USER,
                json("{'userName':'a','x509Certificates':[{'value':'not base64!'}]}")))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("expects a base64-encoded string");
    }

    @Test
    void rejectsDuplicateAttributeInOtherCase() {
        assertInvalidValue(() -> user("{'userName':'a','username':'b'}"),
                "attribute 'userName' appears more than once");
    }

    @Test
    void rejectsBodyThatIsNotAnObject() {
        assertThatThrownBy(() -> validator.validate(ResourceType.USER, json("['userName']")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
                    assertThat(e.getMessage()).contains("received array");
                });
    }

    @Test
    void doesNotModifyTheBody() {
        ObjectNode body = (ObjectNode) json("{'userName':'a','active':'True','title':''}");
        ObjectNode copy = body.deepCopy();

        validator.validate(ResourceType.USER, body);

        assertThat(body).isEqualTo(copy);
    }

    @Test
    void canonicalResourceValidatesToItself() {
        ObjectNode canonical = user("{'userName':'a','name':{'givenName':'A'},"
                + "'emails':[{'value':'a@x','type':'work'}],'" + ENTERPRISE + "':{'manager':'m'}}");

        assertThat(validator.validate(ResourceType.USER, canonical)).isEqualTo(canonical);
    }

    @Test
    void rejectsControlCharacterInUserName() {
        assertInvalidValue(() -> user("{'userName':'a\\u0000b'}"), "control character U+0000");
    }

    @Test
    void rejectsLineBreakInExternalId() {
        assertInvalidValue(() -> user("{'userName':'a','externalId':'x\\ny'}"),
                "control character U+000A");
    }

    @Test
    void keepsLineBreakInFormattedAddress() {
        ObjectNode user = user("{'userName':'a','addresses':[{'formatted':'1 Main St\\nOslo'}]}");

        assertThat(user.path("addresses").path(0).path("formatted").asString())
                .isEqualTo("1 Main St\nOslo");
    }

    @Test
    void treatsBlankUserNameAsMissing() {
        assertInvalidValue(() -> user("{'userName':'   '}"), "userName");
    }

    @Test
    void rejectsMessageUrnAsExtension() {
        assertInvalidValue(() -> user("{'userName':'a',"
                + "'urn:ietf:params:scim:api:messages:2.0:Error':{'status':'500'}}"),
                "not an extension schema URN");
    }

    @Test
    void rejectsUnknownExtensionThatIsNotAnObject() {
        assertInvalidValue(() -> user("{'userName':'a','urn:example:ext:1.0:User':[1,2]}"),
                "expects an object");
    }

    @Test
    void keepsUnknownExtensionObject() {
        ObjectNode user = user("{'userName':'a','urn:example:ext:1.0:User':{'badge':'7'}}");

        assertThat(user.path("urn:example:ext:1.0:User").path("badge").asString()).isEqualTo("7");
    }
}
