package io.scimsync.schemas.patch;

import static io.scimsync.schemas.Json.json;
import static io.scimsync.schemas.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import io.scimsync.schemas.model.SchemaRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PatchEngineTest {

    private static final String USER = ScimSchemas.USER;
    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;
    private static final String META = "'meta':{'resourceType':'User',"
            + "'created':'2024-05-01T12:00:00Z','lastModified':'2024-05-01T12:00:00Z',"
            + "'location':'https://x/scim/v2/Users/u1'}";

    private final PatchEngine engine = new PatchEngine(SchemaRegistry.standard());

    /** Returns a user as Entra creates it and the store keeps it. */
    private static ObjectNode alice() {
        return object("{'schemas':['" + USER + "','" + ENTERPRISE + "'],'id':'u1',"
                + "'externalId':'alice','userName':'alice@contoso.example',"
                + "'name':{'familyName':'Smith','givenName':'Alice'},'displayName':'Alice Smith',"
                + "'active':true,"
                + "'emails':[{'value':'alice@contoso.example','type':'work','primary':true}],"
                + "'" + ENTERPRISE + "':{'department':'R&D'}," + META + "}");
    }

    private static ObjectNode bob() {
        return object("{'schemas':['" + USER + "'],'id':'u2','userName':'bob@contoso.example',"
                + META + "}");
    }

    private static ObjectNode engineering() {
        return object("{'schemas':['" + ScimSchemas.GROUP + "'],'id':'g1',"
                + "'displayName':'Engineering','members':[{'value':'u1'},{'value':'u2'}],"
                + "'meta':{'resourceType':'Group'}}");
    }

    private ObjectNode patchUser(ObjectNode user, String operations) {
        return engine.apply(ResourceType.USER, user, parse(operations));
    }

    private ObjectNode patchGroup(ObjectNode group, String operations) {
        return engine.apply(ResourceType.GROUP, group, parse(operations));
    }

    private static List<PatchOperation> parse(String operations) {
        return PatchRequestParser.parse(json("{'schemas':['" + ScimSchemas.PATCH_OP + "'],"
                + "'Operations':" + operations + "}"));
    }

    private static JsonNode enterprise(ObjectNode user) {
        return user.get(ENTERPRISE);
    }

    private void assertRejected(ObjectNode user, String operations, ScimType type, String detail) {
        assertThatThrownBy(() -> patchUser(user, operations))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.error().scimType()).isEqualTo(type);
                    assertThat(e.getMessage()).contains(detail);
                });
    }

    @Test
    void replacesDisplayNameInDefaultDialect() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'Replace','path':'displayName','value':'Alice Jones'}]");

        assertThat(patched.get("displayName").asString()).isEqualTo("Alice Jones");
    }

    @Test
    void replacesDisplayNameInCompliantDialect() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'replace','path':'displayName','value':'Alice Jones'}]");

        assertThat(patched.get("displayName").asString()).isEqualTo("Alice Jones");
    }

    @Test
    void addsAbsentTitle() {
        ObjectNode patched = patchUser(alice(), "[{'op':'Add','path':'title','value':'Engineer'}]");

        assertThat(patched.get("title").asString()).isEqualTo("Engineer");
    }

    @Test
    void renamesUserName() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'Replace','path':'userName','value':'alice.smith@contoso.example'}]");

        assertThat(patched.get("userName").asString()).isEqualTo("alice.smith@contoso.example");
        assertThat(patched.get("id").asString()).isEqualTo("u1");
    }

    @Test
    void replacesSubAttributeKeepingSiblings() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'Replace','path':'name.givenName','value':'Alicia'}]");

        assertThat(patched.get("name")).isEqualTo(json(
                "{'familyName':'Smith','givenName':'Alicia'}"));
    }

    @Test
    void replaceOfComplexAttributeKeepsUnnamedSubAttributes() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'replace','path':'name','value':{'formatted':'Alice Smith'}}]");

        assertThat(patched.get("name").get("givenName").asString()).isEqualTo("Alice");
        assertThat(patched.get("name").get("formatted").asString()).isEqualTo("Alice Smith");
    }

    @Test
    void replacesWorkEmailThroughFilter() {
        ObjectNode patched = patchUser(alice(), "[{'op':'Replace',"
                + "'path':'emails[type eq \"work\"].value','value':'alice.s@contoso.example'}]");

        assertThat(patched.get("emails")).isEqualTo(json(
                "[{'value':'alice.s@contoso.example','type':'work','primary':true}]"));
    }

    @Test
    void filteredAddWithoutMatchCreatesValue() {
        ObjectNode patched = patchUser(bob(), "[{'op':'Add',"
                + "'path':'emails[type eq \"work\"].value','value':'bob@contoso.example'}]");

        assertThat(patched.get("emails"))
                .isEqualTo(json("[{'type':'work','value':'bob@contoso.example'}]"));
    }

    @Test
    void filteredReplaceWithoutMatchCreatesValue() {
        ObjectNode patched = patchUser(bob(), "[{'op':'Replace',"
                + "'path':'phoneNumbers[type eq \"mobile\"].value','value':'+47 555 0199'}]");

        assertThat(patched.get("phoneNumbers"))
                .isEqualTo(json("[{'type':'mobile','value':'+47 555 0199'}]"));
    }

    @Test
    void sameFilterTwiceFillsOneValue() {
        ObjectNode patched = patchUser(bob(), "["
                + "{'op':'Add','path':'addresses[type eq \"work\"].locality','value':'Oslo'},"
                + "{'op':'Add','path':'addresses[type eq \"work\"].postalCode','value':'0150'}]");

        assertThat(patched.get("addresses"))
                .isEqualTo(json("[{'type':'work','locality':'Oslo','postalCode':'0150'}]"));
    }

    @Test
    void filteredAddKeepsValuesOfOtherType() {
        ObjectNode patched = patchUser(alice(), "[{'op':'Add',"
                + "'path':'emails[type eq \"home\"].value','value':'alice@home.example'}]");

        assertThat(patched.get("emails")).hasSize(2);
        assertThat(patched.get("emails").get(1))
                .isEqualTo(json("{'type':'home','value':'alice@home.example'}"));
    }

    @Test
    void filterThatDescribesNoValueIsNoTarget() {
        assertRejected(bob(),
                "[{'op':'Replace','path':'emails[type co \"wor\"].value','value':'x'}]",
                ScimType.NO_TARGET, "only 'eq' comparisons joined by 'and'");
    }

    @Test
    void pathlessReplaceAcceptsDottedAndUrnKeys() {
        ObjectNode patched = patchUser(alice(), "[{'op':'replace','value':{"
                + "'name.givenName':'Alicia','displayName':'Alicia Smith',"
                + "'" + ENTERPRISE + ":employeeNumber':'43'}}]");

        assertThat(patched.get("name").get("givenName").asString()).isEqualTo("Alicia");
        assertThat(patched.get("displayName").asString()).isEqualTo("Alicia Smith");
        assertThat(enterprise(patched))
                .isEqualTo(json("{'employeeNumber':'43','department':'R&D'}"));
    }

    @Test
    void pathlessAddAcceptsExtensionObject() {
        ObjectNode patched = patchUser(bob(), "[{'op':'add','value':{"
                + "'" + ENTERPRISE + "':{'costCenter':'CC-7','department':'Sales'}}}]");

        assertThat(enterprise(patched)).isEqualTo(json(
                "{'costCenter':'CC-7','department':'Sales'}"));
    }

    @Test
    void pathlessReplaceIgnoresSchemasKey() {
        ObjectNode patched = patchUser(alice(), "[{'op':'replace','value':{"
                + "'schemas':['urn:x'],'title':'CTO'}}]");

        assertThat(patched.get("title").asString()).isEqualTo("CTO");
        assertThat(patched.get("schemas")).isEqualTo(json("['" + USER + "','" + ENTERPRISE + "']"));
    }

    @Test
    void replacesDepartmentByUrnPath() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'Replace','path':'" + ENTERPRISE + ":department','value':'Sales'}]");

        assertThat(enterprise(patched).get("department").asString()).isEqualTo("Sales");
    }

    @Test
    void wholeExtensionPathSetsItsAttributes() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'add','path':'" + ENTERPRISE + "','value':{'division':'North'}}]");

        assertThat(enterprise(patched)).isEqualTo(json("{'division':'North','department':'R&D'}"));
    }

    @Test
    void pathlessUrnManagerKeyIsStoredAsValue() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'add','value':{'" + ENTERPRISE + ":manager':'m1'}}]");

        assertThat(enterprise(patched).get("manager")).isEqualTo(json("{'value':'m1'}"));
    }

    @Test
    void removingExtensionPathRemovesExtension() {
        ObjectNode patched = patchUser(alice(), "[{'op':'remove','path':'" + ENTERPRISE + "'}]");

        assertThat(patched.has(ENTERPRISE)).isFalse();
        assertThat(patched.get("schemas")).isEqualTo(json("['" + USER + "']"));
    }

    @Test
    void pathlessUnknownExtensionObjectIsKeptAsSent() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'replace','value':{'urn:example:ext:1.0:User':{'badge':7}}}]");

        assertThat(patched.get("urn:example:ext:1.0:User")).isEqualTo(json("{'badge':7}"));
    }

    @Test
    void unknownEnterpriseAttributeIsInvalidPath() {
        assertRejected(alice(), "[{'op':'replace','value':{'" + ENTERPRISE + ":badge':{'n':1}}}]",
                ScimType.INVALID_PATH, "attribute '" + ENTERPRISE + ":badge' is not defined");
    }

    @Test
    void managerAsBareStringIsStoredAsValue() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'Add','path':'" + ENTERPRISE + ":manager','value':'m1'}]");

        assertThat(enterprise(patched).get("manager")).isEqualTo(json("{'value':'m1'}"));
    }

    @Test
    void managerAsValueObjectIsStoredAsValue() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'replace','path':'manager','value':{'value':'m1'}}]");

        assertThat(enterprise(patched).get("manager")).isEqualTo(json("{'value':'m1'}"));
    }

    @Test
    void managerArrayIsStoredAsValue() {
        ObjectNode patched = patchUser(alice(), "[{'op':'Add','path':'" + ENTERPRISE + ":manager',"
                + "'value':[{'$ref':'https://x/scim/v2/Users/m1','value':'m1'}]}]");

        assertThat(enterprise(patched).get("manager")).isEqualTo(json("{'value':'m1'}"));
    }

    @Test
    void managerReplacedByOtherManager() {
        ObjectNode withManager = patchUser(alice(), "[{'op':'Add','path':'manager','value':'m1'}]");

        ObjectNode patched = patchUser(withManager,
                "[{'op':'Replace','path':'manager','value':{'value':'m2','displayName':'Boss'}}]");

        assertThat(enterprise(patched).get("manager")).isEqualTo(json("{'value':'m2'}"));
    }

    @Test
    void managerValueSubAttributeCanBeSet() {
        ObjectNode patched = patchUser(bob(), "[{'op':'add','path':'manager.value','value':'m1'}]");

        assertThat(enterprise(patched).get("manager")).isEqualTo(json("{'value':'m1'}"));
    }

    @Test
    void managerRemovedWithoutValue() {
        ObjectNode withManager = patchUser(alice(), "[{'op':'Add','path':'manager','value':'m1'}]");

        ObjectNode patched = patchUser(withManager,
                "[{'op':'Remove','path':'" + ENTERPRISE + ":manager'}]");

        assertThat(enterprise(patched).has("manager")).isFalse();
    }

    @Test
    void managerRemovedByValueFilter() {
        ObjectNode withManager = patchUser(alice(), "[{'op':'Add','path':'manager','value':'m1'}]");

        ObjectNode patched = patchUser(withManager,
                "[{'op':'remove','path':'manager[value eq \"m1\"]'}]");

        assertThat(enterprise(patched).has("manager")).isFalse();
    }

    @Test
    void managerFilterOfOtherIdKeepsManager() {
        ObjectNode withManager = patchUser(alice(), "[{'op':'Add','path':'manager','value':'m1'}]");

        ObjectNode patched = patchUser(withManager,
                "[{'op':'remove','path':'manager[value eq \"m9\"]'}]");

        assertThat(enterprise(patched).get("manager")).isEqualTo(json("{'value':'m1'}"));
    }

    @Test
    void disablesWithStringFalse() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'Replace','path':'active','value':'False'}]");

        assertThat(patched.get("active").isBoolean()).isTrue();
        assertThat(patched.get("active").booleanValue()).isFalse();
    }

    @Test
    void disablesWithBooleanFalse() {
        ObjectNode patched = patchUser(alice(), "[{'op':'replace','path':'active','value':false}]");

        assertThat(patched.get("active").booleanValue()).isFalse();
    }

    @Test
    void pathlessDisableWithStringFalse() {
        ObjectNode patched = patchUser(alice(), "[{'op':'replace','value':{'active':'False'}}]");

        assertThat(patched.get("active").booleanValue()).isFalse();
    }

    @Test
    void emptyStringClearsAttribute() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'replace','path':'displayName','value':''}]");

        assertThat(patched.has("displayName")).isFalse();
    }

    @Test
    void nullClearsAttribute() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'replace','path':'" + ENTERPRISE + ":department','value':null}]");

        assertThat(patched.has(ENTERPRISE)).isFalse();
    }

    @Test
    void pathlessEmptyStringClearsSubAttribute() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'replace','value':{'name.familyName':''}}]");

        assertThat(patched.get("name")).isEqualTo(json("{'givenName':'Alice'}"));
    }

    @Test
    void removesWholeAttribute() {
        ObjectNode patched = patchUser(alice(), "[{'op':'Remove','path':'emails'}]");

        assertThat(patched.has("emails")).isFalse();
    }

    @Test
    void removesSubAttribute() {
        ObjectNode patched = patchUser(alice(), "[{'op':'Remove','path':'name.familyName'}]");

        assertThat(patched.get("name")).isEqualTo(json("{'givenName':'Alice'}"));
    }

    @Test
    void removesFilteredValues() {
        ObjectNode twoEmails = patchUser(alice(), "[{'op':'Add','path':'emails',"
                + "'value':[{'value':'alice@home.example','type':'home'}]}]");

        ObjectNode patched = patchUser(twoEmails,
                "[{'op':'remove','path':'emails[type eq \"home\"]'}]");

        assertThat(patched.get("emails")).isEqualTo(alice().get("emails"));
    }

    @Test
    void removesSubAttributeOfFilteredValue() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'remove','path':'emails[type eq \"work\"].primary'}]");

        assertThat(patched.get("emails"))
                .isEqualTo(json("[{'value':'alice@contoso.example','type':'work'}]"));
    }

    @Test
    void removeWithFilterMatchingNothingSucceeds() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'remove','path':'emails[type eq \"home\"]'}]");

        assertThat(patched).isEqualTo(alice());
    }

    @Test
    void removeOfAbsentAttributeSucceeds() {
        assertThat(patchUser(bob(), "[{'op':'Remove','path':'title'}]")).isEqualTo(bob());
    }

    @Test
    void replaceWithoutFilterReplacesWholeArray() {
        ObjectNode patched = patchUser(alice(), "[{'op':'replace','path':'emails',"
                + "'value':[{'value':'a@new.example','type':'home'}]}]");

        assertThat(patched.get("emails")).isEqualTo(json(
                "[{'value':'a@new.example','type':'home'}]"));
    }

    @Test
    void addAppendsWithoutDuplicatingEqualValue() {
        ObjectNode patched = patchUser(alice(), "[{'op':'add','path':'emails',"
                + "'value':[{'value':'ALICE@contoso.example','type':'work'},"
                + "{'value':'alice@home.example','type':'home'}]}]");

        assertThat(patched.get("emails")).isEqualTo(json("[{'value':'ALICE@contoso.example',"
                + "'type':'work','primary':true},{'value':'alice@home.example','type':'home'}]"));
    }

    @Test
    void addingPrimaryValueMakesOthersNonPrimary() {
        ObjectNode patched = patchUser(alice(), "[{'op':'add','path':'emails',"
                + "'value':[{'value':'alice@home.example','type':'home','primary':true}]}]");

        assertThat(patched.get("emails").get(0).get("primary").booleanValue()).isFalse();
        assertThat(patched.get("emails").get(1).get("primary").booleanValue()).isTrue();
    }

    @Test
    void twoPrimariesInOneValueAreInvalidValue() {
        assertRejected(alice(), "[{'op':'replace','path':'emails','value':["
                + "{'value':'a@x','primary':true},{'value':'b@x','primary':true}]}]",
                ScimType.INVALID_VALUE, "2 values with primary true");
    }

    @Test
    void emptyOperationsChangeNothing() {
        assertThat(patchUser(alice(), "[]")).isEqualTo(alice());
    }

    @Test
    void failingOperationLeavesResourceUnchanged() {
        ObjectNode user = alice();
        ObjectNode before = user.deepCopy();

        assertThatThrownBy(() -> patchUser(user, "[{'op':'replace','path':'title','value':'CTO'},"
                + "{'op':'replace','path':'emails[type eq \"work\"].value','value':'x@y'},"
                + "{'op':'replace','path':'active','value':'maybe'}]"))
                .isInstanceOf(ScimException.class);

        assertThat(user).isEqualTo(before);
    }

    @Test
    void errorDetailNamesFailingOperation() {
        assertRejected(alice(), "[{'op':'replace','path':'title','value':'CTO'},"
                + "{'op':'replace','path':'active','value':'maybe'}]", ScimType.INVALID_VALUE,
                "Operations[1] (replace active): attribute 'active' expects a boolean");
    }

    @Test
    void changingIdIsMutabilityError() {
        assertRejected(alice(), "[{'op':'replace','path':'id','value':'u9'}]",
                ScimType.MUTABILITY, "attribute 'id' is readOnly");
    }

    @Test
    void changingMetaIsMutabilityError() {
        assertRejected(alice(),
                "[{'op':'replace','path':'meta.created','value':'2020-01-01T00:00:00Z'}]",
                ScimType.MUTABILITY, "attribute 'meta.created' is readOnly");
    }

    @Test
    void addingGroupsIsMutabilityError() {
        assertRejected(alice(), "[{'op':'add','path':'groups','value':[{'value':'g1'}]}]",
                ScimType.MUTABILITY, "attribute 'groups' is readOnly");
    }

    @Test
    void pathlessEchoOfIdIsIgnored() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'replace','value':{'id':'u1','title':'CTO'}}]");

        assertThat(patched.get("id").asString()).isEqualTo("u1");
        assertThat(patched.get("title").asString()).isEqualTo("CTO");
    }

    @Test
    void pathlessOtherIdIsMutabilityError() {
        assertRejected(alice(), "[{'op':'replace','value':{'id':'u9'}}]",
                ScimType.MUTABILITY, "attribute 'id' is readOnly");
    }

    @Test
    void unknownAttributeIsInvalidPath() {
        assertRejected(alice(), "[{'op':'add','path':'favouriteColour','value':'blue'}]",
                ScimType.INVALID_PATH,
                        "attribute 'favouriteColour' is not defined for resource type User");
    }

    @Test
    void unknownSubAttributeInFilterIsInvalidPath() {
        assertRejected(alice(),
                "[{'op':'add','path':'emails[kind eq \"work\"].value','value':'x'}]",
                ScimType.INVALID_PATH, "not a sub-attribute of 'emails'");
    }

    @Test
    void attributeOfOtherResourceTypeIsInvalidPath() {
        assertRejected(alice(), "[{'op':'add','path':'members','value':[{'value':'x'}]}]",
                ScimType.INVALID_PATH, "attribute 'members' is not defined");
    }

    @Test
    void unknownExtensionPathIsKeptAsSent() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'add','path':'urn:example:ext:1.0:User:badge','value':{'n':7}}]");

        assertThat(patched.get("urn:example:ext:1.0:User")).isEqualTo(json("{'badge':{'n':7}}"));
    }

    @Test
    void removingUserNameIsInvalidValue() {
        assertRejected(alice(), "[{'op':'remove','path':'userName'}]",
                ScimType.INVALID_VALUE, "attribute 'userName' is required and cannot be removed");
    }

    @Test
    void clearingUserNameIsInvalidValue() {
        assertRejected(alice(), "[{'op':'replace','path':'userName','value':''}]",
                ScimType.INVALID_VALUE, "attribute 'userName' is required");
    }

    @Test
    void wrongTypeIsInvalidValue() {
        assertRejected(alice(), "[{'op':'replace','path':'name.givenName','value':7}]",
                ScimType.INVALID_VALUE, "attribute 'name.givenName' expects a string, received 7");
    }

    @Test
    void emptiedExtensionLeavesSchemas() {
        ObjectNode patched = patchUser(alice(),
                "[{'op':'remove','path':'" + ENTERPRISE + ":department'}]");

        assertThat(patched.has(ENTERPRISE)).isFalse();
        assertThat(patched.get("schemas")).isEqualTo(json("['" + USER + "']"));
    }

    @Test
    void addedExtensionJoinsSchemas() {
        ObjectNode patched = patchUser(bob(),
                "[{'op':'Add','path':'" + ENTERPRISE + ":employeeNumber','value':'7'}]");

        assertThat(patched.get("schemas")).isEqualTo(json("['" + USER + "','" + ENTERPRISE + "']"));
    }

    @Test
    void keepsIdAndMetaOfInput() {
        ObjectNode patched = patchUser(alice(), "[{'op':'replace','path':'title','value':'CTO'}]");

        assertThat(patched.get("id")).isEqualTo(alice().get("id"));
        assertThat(patched.get("meta")).isEqualTo(alice().get("meta"));
    }

    @Test
    void doesNotModifyInput() {
        ObjectNode user = alice();

        patchUser(user, "[{'op':'replace','path':'title','value':'CTO'}]");

        assertThat(user).isEqualTo(alice());
    }

    @Test
    void addsGroupMembersWithoutDuplicates() {
        ObjectNode patched = patchGroup(engineering(), "[{'op':'Add','path':'members',"
                + "'value':[{'$ref':null,'value':'u2'},{'$ref':null,'value':'u3'}]}]");

        assertThat(patched.get("members"))
                .isEqualTo(json("[{'value':'u1'},{'value':'u2'},{'value':'u3'}]"));
    }

    @Test
    void readdingMemberWithOtherRefChangesNothing() {
        ObjectNode group = object("{'schemas':['" + ScimSchemas.GROUP + "'],'id':'g1',"
                + "'displayName':'Engineering','members':[{'value':'u1','$ref':'../Users/u1'}]}");

        ObjectNode patched = patchGroup(group, "[{'op':'Add','path':'members',"
                + "'value':[{'value':'u1','$ref':'https://x/scim/v2/Users/u1'}]}]");

        assertThat(patched.get("members")).isEqualTo(group.get("members"));
    }

    @Test
    void removesMemberInDefaultDialect() {
        ObjectNode patched = patchGroup(engineering(),
                "[{'op':'Remove','path':'members','value':[{'value':'u1'}]}]");

        assertThat(patched.get("members")).isEqualTo(json("[{'value':'u2'}]"));
    }

    @Test
    void removesMemberInCompliantDialect() {
        ObjectNode patched = patchGroup(engineering(),
                "[{'op':'remove','path':'members[value eq \"u1\"]'}]");

        assertThat(patched.get("members")).isEqualTo(json("[{'value':'u2'}]"));
    }

    @Test
    void removingNonMemberSucceeds() {
        ObjectNode patched = patchGroup(engineering(),
                "[{'op':'remove','path':'members[value eq \"u9\"]'}]");

        assertThat(patched).isEqualTo(engineering());
    }

    @Test
    void removingMembersWithoutValueRemovesAll() {
        ObjectNode patched = patchGroup(engineering(), "[{'op':'Remove','path':'members'}]");

        assertThat(patched.has("members")).isFalse();
    }

    @Test
    void changingMemberValueIsMutabilityError() {
        assertThatThrownBy(() -> patchGroup(engineering(),
                "[{'op':'replace','path':'members[value eq \"u1\"].value','value':'u7'}]"))
                .isInstanceOfSatisfying(ScimException.class, e ->
                        assertThat(e.error().scimType()).isEqualTo(ScimType.MUTABILITY));
    }

    @Test
    void replacesGroupDisplayName() {
        ObjectNode patched = patchGroup(engineering(),
                "[{'op':'Replace','path':'displayName','value':'Engineering Platform'}]");

        assertThat(patched.get("displayName").asString()).isEqualTo("Engineering Platform");
        assertThat(patched.get("members")).isEqualTo(engineering().get("members"));
    }
}
