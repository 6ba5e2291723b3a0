package io.scimsync.schemas.patch;

import static io.scimsync.schemas.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatchRequestParserTest {

    private static List<PatchOperation> parse(String operations) {
        return PatchRequestParser.parse(json("{'schemas':['" + ScimSchemas.PATCH_OP + "'],"
                + "'Operations':" + operations + "}"));
    }

    private static void assertScimType(Runnable call, ScimType type, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.error().scimType()).isEqualTo(type);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Add", "add", "ADD"})
    void acceptsOpInAnyCase(String op) {
        assertThat(parse("[{'op':'" + op + "','path':'title','value':'x'}]"))
                .containsExactly(new PatchOperation(PatchOp.ADD, "title", json("'x'")));
    }

    @Test
    void readsOperationsInOrder() {
        List<PatchOperation> operations = parse("[{'op':'Replace','path':'active','value':'False'},"
                + "{'op':'Remove','path':'members','value':[{'value':'u1'}]}]");

        assertThat(operations).extracting(PatchOperation::op)
                .containsExactly(PatchOp.REPLACE, PatchOp.REMOVE);
        assertThat(operations.get(1).value()).isEqualTo(json("[{'value':'u1'}]"));
    }

    @Test
    void pathlessOperationHasNullPath() {
        PatchOperation operation = parse("[{'op':'replace','value':{'name.givenName':'A'}}]").get(
                0);

        assertThat(operation.path()).isNull();
        assertThat(operation.hasPath()).isFalse();
    }

    @Test
    void keepsExplicitNullValue() {
        PatchOperation operation = parse("[{'op':'replace','path':'title','value':null}]").get(0);

        assertThat(operation.value().isNull()).isTrue();
    }

    @Test
    void removeWithoutValueHasNullValue() {
        assertThat(parse("[{'op':'remove','path':'title'}]").get(0).value()).isNull();
    }

    @Test
    void emptyOperationsGiveEmptyList() {
        assertThat(parse("[]")).isEmpty();
    }

    @Test
    void unknownOpIsInvalidSyntaxNamingIt() {
        assertScimType(() -> parse("[{'op':'move','path':'title','value':'x'}]"),
                ScimType.INVALID_SYNTAX, "unsupported op 'move'");
    }

    @Test
    void missingOperationsIsInvalidSyntax() {
        assertScimType(() -> PatchRequestParser.parse(json("{'schemas':['" + ScimSchemas.PATCH_OP
                + "']}")), ScimType.INVALID_SYNTAX, "needs an 'Operations' array");
    }

    @Test
    void operationsThatIsNotArrayIsInvalidSyntax() {
        assertScimType(() -> parse("{'op':'add'}"), ScimType.INVALID_SYNTAX, "'Operations' array");
    }

    @Test
    void missingPatchOpSchemaIsInvalidSyntax() {
        assertScimType(() -> PatchRequestParser.parse(json("{'schemas':['" + ScimSchemas.USER
                + "'],'Operations':[]}")), ScimType.INVALID_SYNTAX, ScimSchemas.PATCH_OP);
    }

    @Test
    void addWithoutValueIsInvalidSyntax() {
        assertScimType(() -> parse("[{'op':'add','path':'title'}]"),
                ScimType.INVALID_SYNTAX, "Operations[0] (add) needs a 'value'");
    }

    @Test
    void malformedPathIsInvalidPathQuotingIt() {
        assertScimType(() -> parse("[{'op':'add','path':'emails[type eq','value':'x'}]"),
                ScimType.INVALID_PATH, "'emails[type eq'");
    }

    @Test
    void removeWithoutPathIsNoTarget() {
        assertScimType(() -> parse("[{'op':'remove'}]"), ScimType.NO_TARGET, "needs a 'path'");
    }

    @Test
    void nonObjectBodyIsInvalidSyntax() {
        assertScimType(() -> PatchRequestParser.parse(json("[]")), ScimType.INVALID_SYNTAX,
                "must be a JSON object");
    }

    @Test
    void writtenRequestParsesBackToEqualOperations() {
        List<PatchOperation> operations = parse(
                "[{'op':'Add','path':'members','value':[{'value':'u'}]},"
                + "{'op':'remove','path':'title'},{'op':'replace','value':{'displayName':'x'}}]");

        assertThat(PatchRequestParser.parse(PatchRequestParser.toJson(operations)))
                .isEqualTo(operations);
    }
}
