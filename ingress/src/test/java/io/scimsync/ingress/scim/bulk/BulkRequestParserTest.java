package io.scimsync.ingress.scim.bulk;

import static io.scimsync.ingress.scim.bulk.BulkJson.SCHEMAS;
import static io.scimsync.ingress.scim.bulk.BulkJson.bulk;
import static io.scimsync.ingress.scim.bulk.BulkJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.ingress.scim.ScimJson;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class BulkRequestParserTest {

    private final BulkRequestParser parser = new BulkRequestParser(3);

    @Test
    void parsesEveryMethod() {
        BulkRequest request = parser.parse(ScimJson.parse("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                 "Operations": [
                   {"method": "POST", "path": "/Users", "bulkId": "u1", "data": {"userName": "a"}},
                   {"method": "put", "path": "/Users/abc", "version": "W/\\"2\\"",
                    "data": {"userName": "b"}},
                   {"method": "PATCH", "path": "/Groups/bulkId:g1/", "data": {"Operations": []}}
                 ]}
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(request.operations()).extracting(BulkOperation::method)
                .containsExactly(BulkMethod.POST, BulkMethod.PUT, BulkMethod.PATCH);
        assertThat(request.operations().get(0).bulkId()).isEqualTo("u1");
        assertThat(request.operations().get(0).path()).isEqualTo(new BulkPath(ResourceType.USER, null));
        assertThat(request.operations().get(1).version()).isEqualTo("W/\"2\"");
        assertThat(request.operations().get(2).path())
                .isEqualTo(new BulkPath(ResourceType.GROUP, "bulkId:g1"));
        assertThat(request.failOnErrors()).isNull();
    }

    @Test
    void attributeNamesIgnoreCase() {
        BulkRequest request = parser.parse(json("{" + SCHEMAS + ", 'operations': ["
                + "{'METHOD': 'DELETE', 'Path': '/Users/abc'}], 'FailOnErrors': 2}"));

        assertThat(request.operations()).hasSize(1);
        assertThat(request.failOnErrors()).isEqualTo(2);
    }

    @Test
    void deleteHasNoData() {
        BulkOperation delete = parser.parse(bulk("{'method': 'DELETE', 'path': '/Groups/g'}"))
                .operations().get(0);

        assertThat(delete.data()).isNull();
        assertThat(delete.bulkId()).isNull();
    }

    @Test
    void wrongSchemaIsInvalidSyntax() {
        JsonNode body = json("{'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + " 'Operations': []}");

        ScimError error = rejection(body);

        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
        assertThat(error.detail()).contains("BulkRequest");
    }

    @Test
    void missingOperationsIsInvalidSyntax() {
        ScimError error = rejection(json("{" + SCHEMAS + "}"));

        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
        assertThat(error.detail()).contains("'Operations'");
    }

    @Test
    void tooManyOperationsNamesMaxOperations() {
        String delete = "{'method': 'DELETE', 'path': '/Users/a'}";

        ScimError error = rejection(bulk(String.join(",", delete, delete, delete, delete)));

        assertThat(error.status()).isEqualTo(413);
        assertThat(error.detail()).contains("maxOperations (3)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "'1'", "true"})
    void failOnErrorsMustBePositiveInteger(String value) {
        JsonNode body = json("{" + SCHEMAS + ", 'Operations': [], 'failOnErrors': " + value + "}");

        ScimError error = rejection(body);

        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(error.detail()).contains("failOnErrors");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'path': '/Users/a'}                                    | Operations[1].method",
        "{'method': 'GET', 'path': '/Users/a'}                   | Operations[1].method 'GET'",
        "{'method': 'DELETE'}                                    | Operations[1].path",
        "{'method': 'DELETE', 'path': '/Devices/a'}              | Operations[1].path '/Devices/a'",
        "{'method': 'DELETE', 'path': 'Users/a'}                 | Operations[1].path 'Users/a'",
        "{'method': 'DELETE', 'path': '/Users/a/b'}              | Operations[1].path '/Users/a/b'",
        "{'method': 'DELETE', 'path': '/Users'}                  | Operations[1].path '/Users'",
        "{'method': 'POST', 'path': '/Users/a', 'bulkId': 'b'}   | Operations[1].path '/Users/a'",
        "{'method': 'POST', 'path': '/Users', 'data': {}}        | Operations[1].bulkId",
        "{'method': 'POST', 'path': '/Users', 'bulkId': ' '}     | Operations[1].bulkId",
        "{'method': 'PUT', 'path': '/Users/a'}                   | Operations[1].data",
        "{'method': 'DELETE', 'path': '/Users/a', 'data': {}}    | Operations[1].data",
        "{'method': 'DELETE', 'path': '/Users/a', 'version': 3}  | Operations[1].version",
        "{'method': 'DELETE', 'path': 7}                         | Operations[1].path",
    })
    void malformedOperationNamesIndexAndField(String operation, String named) {
        ScimError error = rejection(bulk("{'method': 'DELETE', 'path': '/Users/ok'}, " + operation));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(error.detail()).contains(named);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'text'", "[]", "null"})
    void nonObjectOperationIsInvalidSyntax(String operation) {
        ScimError error = rejection(bulk(operation));

        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
        assertThat(error.detail()).startsWith("Operations[0] must be a JSON object");
    }

    @Test
    void dataThatIsNoObjectIsInvalidSyntax() {
        ScimError error = rejection(bulk("{'method': 'PATCH', 'path': '/Users/a', 'data': [1]}"));

        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
        assertThat(error.detail()).startsWith("Operations[0].data must be a JSON object");
    }

    @Test
    void duplicateBulkIdNamesBothOperations() {
        ScimError error = rejection(bulk("""
                {'method': 'POST', 'path': '/Users', 'bulkId': 'same', 'data': {}},
                {'method': 'POST', 'path': '/Groups', 'bulkId': 'same', 'data': {}}
                """));

        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(error.detail()).contains("Operations[1].bulkId 'same'")
                .contains("Operations[0]");
    }

    @Test
    void attributeInTwoLetterCasesIsAmbiguous() {
        ScimError error = rejection(bulk(
                "{'method': 'DELETE', 'Method': 'PUT', 'path': '/Users/a'}"));

        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
        assertThat(error.detail()).contains("Operations[0].method");
    }

    private ScimError rejection(JsonNode body) {
        try {
            parser.parse(body);
        } catch (ScimException e) {
            return e.error();
        }
        throw new AssertionError("the bulk request was accepted: " + body);
    }
}
