package io.scimsync.ingress.scim.bulk;

import static io.scimsync.ingress.scim.bulk.BulkJson.bulk;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.ingress.scim.bulk.BulkIdResolver.ResolvedOperation;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkIdResolverTest {

    private static final String USER_POST =
            "{'method': 'POST', 'path': '/Users', 'bulkId': 'alice', 'data': {'userName': 'a'}}";
    private static final String GROUP_POST = "{'method': 'POST', 'path': '/Groups',"
            + " 'bulkId': 'team', 'data': {'displayName': 'T', 'members': [{'value': 'bulkId:alice'}]}}";

    @Test
    void memberValueResolvesToCreatedId() {
        List<BulkOperation> operations = operations(USER_POST + ", " + GROUP_POST);
        BulkIdResolver resolver = BulkIdResolver.of(operations);

        resolver.created(operations.get(0), "id-of-alice");
        ResolvedOperation group = resolver.resolve(operations.get(1));

        assertThat(group.data().path("members").path(0).path("value").asString())
                .isEqualTo("id-of-alice");
    }

    @Test
    void resolvingLeavesRequestDataUnchanged() {
        List<BulkOperation> operations = operations(USER_POST + ", " + GROUP_POST);
        BulkIdResolver resolver = BulkIdResolver.of(operations);

        resolver.created(operations.get(0), "id-of-alice");
        resolver.resolve(operations.get(1));

        assertThat(operations.get(1).data().path("members").path(0).path("value").asString())
                .isEqualTo("bulkId:alice");
    }

    @Test
    void pathReferenceResolvesToCreatedId() {
        List<BulkOperation> operations = operations(USER_POST
                + ", {'method': 'DELETE', 'path': '/Users/bulkId:alice'}");
        BulkIdResolver resolver = BulkIdResolver.of(operations);

        resolver.created(operations.get(0), "id-of-alice");

        assertThat(resolver.resolve(operations.get(1)).id()).isEqualTo("id-of-alice");
    }

    @Test
    void referencesAtAnyDepthResolve() {
        List<BulkOperation> operations = operations(USER_POST + ", {'method': 'PATCH',"
                + " 'path': '/Users/bulkId:alice', 'data': {'Operations': [{'op': 'add',"
                + " 'value': {'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                + " {'manager': {'value': 'bulkId:alice'}}}}]}}");
        BulkIdResolver resolver = BulkIdResolver.of(operations);

        resolver.created(operations.get(0), "id-of-alice");
        ResolvedOperation patch = resolver.resolve(operations.get(1));

        assertThat(patch.data().toString()).contains("\"value\":\"id-of-alice\"")
                .doesNotContain("bulkId:");
    }

    @Test
    void stringsThatMerelyContainPrefixStay() {
        List<BulkOperation> operations = operations(USER_POST + ", {'method': 'PUT',"
                + " 'path': '/Users/x', 'data': {'userName': 'a', 'title': 'see bulkId:alice'}}");
        BulkIdResolver resolver = BulkIdResolver.of(operations);

        resolver.created(operations.get(0), "id-of-alice");

        assertThat(resolver.resolve(operations.get(1)).data().path("title").asString())
                .isEqualTo("see bulkId:alice");
    }

    @Test
    void unknownBulkIdIsConflict() {
        List<BulkOperation> operations = operations("{'method': 'DELETE', 'path': '/Users/bulkId:nobody'}");

        ScimError error = failure(BulkIdResolver.of(operations), operations.get(0));

        assertThat(error.status()).isEqualTo(409);
        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(error.detail()).contains("Operations[0] references bulkId 'nobody'")
                .contains("no POST");
    }

    @Test
    void referenceToFailedPostIsConflict() {
        List<BulkOperation> operations = operations(USER_POST + ", " + GROUP_POST);
        BulkIdResolver resolver = BulkIdResolver.of(operations);

        resolver.failed(operations.get(0));
        ScimError error = failure(resolver, operations.get(1));

        assertThat(error.status()).isEqualTo(409);
        assertThat(error.detail()).contains("bulkId 'alice'").contains("Operations[0] failed");
    }

    @Test
    void referenceToLaterPostIsConflict() {
        List<BulkOperation> operations = operations(GROUP_POST + ", " + USER_POST);

        ScimError error = failure(BulkIdResolver.of(operations), operations.get(0));

        assertThat(error.status()).isEqualTo(409);
        assertThat(error.detail()).contains("Operations[1] comes later");
    }

    @Test
    void referenceToNonPostBulkIdIsUnknown() {
        List<BulkOperation> operations = operations(
                "{'method': 'DELETE', 'path': '/Users/u', 'bulkId': 'gone'},"
                + " {'method': 'DELETE', 'path': '/Users/bulkId:gone'}");

        ScimError error = failure(BulkIdResolver.of(operations), operations.get(1));

        assertThat(error.detail()).contains("no POST");
    }

    @Test
    void mutualReferencesAreCircular() {
        List<BulkOperation> operations = operations("""
                {'method': 'POST', 'path': '/Groups', 'bulkId': 'a',
                 'data': {'displayName': 'A', 'members': [{'value': 'bulkId:b'}]}},
                {'method': 'POST', 'path': '/Groups', 'bulkId': 'b',
                 'data': {'displayName': 'B', 'members': [{'value': 'bulkId:a'}]}}
                """);
        BulkIdResolver resolver = BulkIdResolver.of(operations);

        ScimError first = failure(resolver, operations.get(0));
        ScimError second = failure(resolver, operations.get(1));

        assertThat(first.status()).isEqualTo(409);
        assertThat(first.detail()).contains("circular reference")
                .contains("'a' (Operations[0]), 'b' (Operations[1])");
        assertThat(second.detail()).contains("circular reference");
    }

    @Test
    void selfReferenceIsCircular() {
        List<BulkOperation> operations = operations("{'method': 'POST', 'path': '/Groups',"
                + " 'bulkId': 'me', 'data': {'displayName': 'M', 'members': [{'value': 'bulkId:me'}]}}");

        ScimError error = failure(BulkIdResolver.of(operations), operations.get(0));

        assertThat(error.detail()).contains("circular reference").contains("'me'");
    }

    @Test
    void postReferencingCycleIsNotOnIt() {
        List<BulkOperation> operations = operations("""
                {'method': 'POST', 'path': '/Groups', 'bulkId': 'a',
                 'data': {'displayName': 'A', 'members': [{'value': 'bulkId:b'}]}},
                {'method': 'POST', 'path': '/Groups', 'bulkId': 'b',
                 'data': {'displayName': 'B', 'members': [{'value': 'bulkId:a'}]}},
                {'method': 'POST', 'path': '/Groups', 'bulkId': 'c',
                 'data': {'displayName': 'C', 'members': [{'value': 'bulkId:a'}]}}
                """);
        BulkIdResolver resolver = BulkIdResolver.of(operations);

        resolver.failed(operations.get(0));
        ScimError error = failure(resolver, operations.get(2));

        assertThat(error.detail()).doesNotContain("circular").contains("Operations[0] failed");
    }

    private static List<BulkOperation> operations(String operations) {
        return new BulkRequestParser(1000).parse(bulk(operations)).operations();
    }

    private static ScimError failure(BulkIdResolver resolver, BulkOperation operation) {
        try {
            resolver.resolve(operation);
        } catch (ScimException e) {
            return e.error();
        }
        throw new AssertionError("the references of " + operation + " were resolved");
    }
}
