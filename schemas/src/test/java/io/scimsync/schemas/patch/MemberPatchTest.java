package io.scimsync.schemas.patch;

import static io.scimsync.schemas.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import io.scimsync.schemas.patch.MemberPatch.MemberOp;
import io.scimsync.schemas.patch.MemberPatch.MemberOp.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberPatchTest {

    private static MemberPatch.Split split(String operations) {
        return MemberPatch.split(PatchRequestParser.parse(json("{'schemas':['"
                + ScimSchemas.PATCH_OP + "'],'Operations':" + operations + "}")));
    }

    @Test
    void addOfMembersBecomesAdd() {
        MemberPatch.Split split = split("[{'op':'Add','path':'members',"
                + "'value':[{'$ref':null,'value':'u1'},{'$ref':null,'value':'u2'}]}]");

        assertThat(split.memberOps()).containsExactly(new MemberOp(Kind.ADD, List.of("u1", "u2")));
        assertThat(split.others()).isEmpty();
    }

    @Test
    void removeWithValueArrayRemovesOnlyThoseMembers() {
        MemberPatch.Split split = split(
                "[{'op':'Remove','path':'members','value':[{'value':'u1'}]}]");

        assertThat(split.memberOps()).containsExactly(new MemberOp(Kind.REMOVE, List.of("u1")));
    }

    @Test
    void removeWithValueFilterRemovesThatMember() {
        MemberPatch.Split split = split("[{'op':'remove','path':'members[value eq \"u1\"]'}]");

        assertThat(split.memberOps()).containsExactly(new MemberOp(Kind.REMOVE, List.of("u1")));
    }

    @Test
    void removeWithOrOfValueFiltersRemovesEach() {
        MemberPatch.Split split =
                split("[{'op':'remove','path':'members[value eq \"u1\" or value eq \"u2\"]'}]");

        assertThat(split.memberOps()).containsExactly(new MemberOp(Kind.REMOVE, List.of("u1",
                "u2")));
    }

    @Test
    void removeWithoutValueRemovesAll() {
        assertThat(split("[{'op':'Remove','path':'members'}]").memberOps())
                .containsExactly(new MemberOp(Kind.REMOVE_ALL, List.of()));
    }

    @Test
    void replaceOfMembersBecomesReplace() {
        assertThat(split("[{'op':'replace','path':'members','value':[{'value':'u3'}]}]")
                .memberOps())
                .containsExactly(new MemberOp(Kind.REPLACE, List.of("u3")));
    }

    @Test
    void replaceWithEmptyArrayReplacesWithNobody() {
        assertThat(split("[{'op':'replace','path':'members','value':[]}]").memberOps())
                .containsExactly(new MemberOp(Kind.REPLACE, List.of()));
    }

    @Test
    void pathlessReplaceIsSplitInTwo() {
        MemberPatch.Split split = split("[{'op':'replace','value':{'displayName':'Eng',"
                + "'members':[{'value':'u1'}]}}]");

        assertThat(split.memberOps()).containsExactly(new MemberOp(Kind.REPLACE, List.of("u1")));
        assertThat(split.others())
                .containsExactly(new PatchOperation(PatchOp.REPLACE, null, json(
                        "{'displayName':'Eng'}")));
    }

    @Test
    void pathlessMembersOnlyLeavesNoOthers() {
        MemberPatch.Split split = split("[{'op':'add','value':{'members':[{'value':'u1'}]}}]");

        assertThat(split.memberOps()).containsExactly(new MemberOp(Kind.ADD, List.of("u1")));
        assertThat(split.others()).isEmpty();
    }

    @Test
    void otherOperationsKeepRequestOrder() {
        MemberPatch.Split split = split("[{'op':'Replace','path':'displayName','value':'A'},"
                + "{'op':'Add','path':'members','value':[{'value':'u1'}]},"
                + "{'op':'Replace','path':'externalId','value':'B'},"
                + "{'op':'Remove','path':'members','value':[{'value':'u2'}]}]");

        assertThat(split.others()).extracting(PatchOperation::path)
                .containsExactly("displayName", "externalId");
        assertThat(split.memberOps()).extracting(MemberOp::kind).containsExactly(Kind.ADD,
                Kind.REMOVE);
    }

    @Test
    void acceptsGroupUrnQualifiedPath() {
        assertThat(split("[{'op':'add','path':'" + ScimSchemas.GROUP + ":members',"
                + "'value':[{'value':'u1'}]}]").memberOps())
                .containsExactly(new MemberOp(Kind.ADD, List.of("u1")));
    }

    @Test
    void dropsDuplicateIds() {
        assertThat(split("[{'op':'add','path':'members','value':[{'value':'u1'},{'value':'u1'}]}]")
                .memberOps()).containsExactly(new MemberOp(Kind.ADD, List.of("u1")));
    }

    @Test
    void otherMembersFilterIsInvalidFilter() {
        assertThatThrownBy(() -> split("[{'op':'remove','path':'members[display eq \"Bob\"]'}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_FILTER);
                    assertThat(e.getMessage()).contains("only by 'value eq \"<id>\"'");
                });
    }

    @Test
    void memberWithoutValueIsInvalidValue() {
        assertThatThrownBy(() -> split("[{'op':'add','path':'members','value':[{'$ref':null}]}]"))
                .isInstanceOfSatisfying(ScimException.class, e ->
                        assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_VALUE));
    }

    @Test
    void memberSubAttributePathIsMutability() {
        assertThatThrownBy(() -> split("[{'op':'replace','path':'members[value eq \"u1\"].value',"
                + "'value':'u2'}]"))
                .isInstanceOfSatisfying(ScimException.class, e ->
                        assertThat(e.error().scimType()).isEqualTo(ScimType.MUTABILITY));
    }

    @Test
    void addOnFilteredMembersPathIsInvalidPath() {
        assertThatThrownBy(() -> split("[{'op':'add','path':'members[value eq \"u1\"]',"
                + "'value':{'value':'u1'}}]"))
                .isInstanceOfSatisfying(ScimException.class, e ->
                        assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_PATH));
    }
}
