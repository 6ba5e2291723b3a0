package io.scimsync.standalone.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.events.IdentityEvent;
import io.scimsync.schemas.events.IdentityEventType;
import io.scimsync.schemas.events.MembershipEventData;
import io.scimsync.schemas.events.MembershipKind;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Groups as members of groups: a user's indirect groups, the filter on {@code groups.value}
 * that finds direct and indirect members, refused cycles, and indirect membership events.
 */
class NestedGroupsIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static StandaloneInstance standalone;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    private static String create(ScimClient scim, String endpoint, String body) {
        ScimClient.Response created = scim.post(endpoint, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static ScimClient.Response addMember(ScimClient scim, String groupId, String memberId) {
        return scim.patch("/Groups/" + groupId, """
                {"schemas": ["%s"], "Operations": [{"op": "add", "path": "members",
                 "value": [{"value": "%s"}]}]}
                """.formatted(PATCH, memberId));
    }

    @Test
    void nestedGroupsGiveIndirectMembership() {
        TenantCredentials tenant = standalone.newTenantToken("nested");
        ScimClient scim = new ScimClient(standalone.scimUrl(), tenant.token());
        String alice = create(scim, "/Users", "{\"schemas\": [\"" + USER + "\"], \"userName\": \"alice@example.test\"}");
        String bob = create(scim, "/Users", "{\"schemas\": [\"" + USER + "\"], \"userName\": \"bob@example.test\"}");
        String inner = create(scim, "/Groups", """
                {"schemas": ["%s"], "displayName": "Inner", "members": [{"value": "%s"}]}
                """.formatted(GROUP, alice));
        String outer = create(scim, "/Groups", """
                {"schemas": ["%s"], "displayName": "Outer", "members": [{"value": "%s"}]}
                """.formatted(GROUP, bob));

        ScimClient.Response nested = addMember(scim, outer, inner);
        ScimClient.Response cycle = addMember(scim, inner, outer);
        String top = create(scim, "/Groups", """
                {"schemas": ["%s"], "displayName": "Top", "members": [{"value": "%s"}]}
                """.formatted(GROUP, outer));
        ScimClient.Response longCycle = addMember(scim, inner, top);

        assertThat(nested.status()).isIn(200, 204);
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().path("scimType").asString()).isEqualTo("invalidValue");
        assertThat(longCycle.status()).isEqualTo(400);
        JsonNode groups = scim.get("/Users/" + alice).json().path("groups");
        assertThat(groups.valueStream().map(group -> group.path("value").asString() + ":"
                + group.path("type").asString()))
                .containsExactlyInAnyOrder(inner + ":direct", outer + ":indirect", top + ":indirect");
        ScimClient.Response listed = scim.get("/Users?" + ScimClient.filterQuery(
                "groups.value eq \"" + outer + "\""));
        JsonNode members = listed.json().path("Resources");
        assertThat(members.valueStream().map(user -> user.path("id").asString())).as(listed.toString())
                .containsExactlyInAnyOrder(alice, bob);
        JsonNode direct = scim.get("/Users?" + ScimClient.filterQuery(
                "groups.value eq \"" + inner + "\"")).json().path("Resources");
        assertThat(direct.valueStream().map(user -> user.path("id").asString()))
                .containsExactly(alice);

        List<IdentityEvent> events;
        try (IdentityConsumer consumer = new IdentityConsumer(standalone.context().getEnvironment()
                .getRequiredProperty("spring.kafka.bootstrap-servers"), "identity.changes")) {
            events = consumer.readUntilIdle(Duration.ofSeconds(5)).stream()
                    .filter(event -> event.tenantId().equals(tenant.tenantId()))
                    .filter(event -> event.type() == IdentityEventType.MEMBERSHIP_ADDED)
                    .toList();
        }
        assertThat(events).extracting(event -> (MembershipEventData) event.data())
                .contains(new MembershipEventData(outer, alice, MembershipKind.INDIRECT),
                        new MembershipEventData(outer, bob, MembershipKind.DIRECT),
                        new MembershipEventData(top, alice, MembershipKind.INDIRECT),
                        new MembershipEventData(top, bob, MembershipKind.INDIRECT));
    }
}
