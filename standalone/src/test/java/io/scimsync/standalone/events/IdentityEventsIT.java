package io.scimsync.standalone.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.events.IdentityEvent;
import io.scimsync.schemas.events.IdentityEventType;
import io.scimsync.schemas.events.MembershipEventData;
import io.scimsync.schemas.events.UserEventData;
import io.scimsync.schemas.events.UserProfile;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import io.scimsync.store.resource.ResourceStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identity events of a provisioning cycle on the standalone application, read as a
 * downstream consumer would: every applied change has its events, in sequence order per key
 * without gaps or duplicates, and a consumer bootstrapping from the state topic ends with the
 * profiles the store has.
 */
class IdentityEventsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
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

    private static String bootstrapServers() {
        return standalone.context().getEnvironment().getRequiredProperty("spring.kafka.bootstrap-servers");
    }

    private static String createUser(ScimClient scim, String userName) {
        ScimClient.Response created = scim.post("/Users", """
                {"schemas": ["%s"], "userName": "%s", "displayName": "%s", "active": true}
                """.formatted(USER, userName, userName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static void patch(ScimClient scim, String path, String operations) {
        ScimClient.Response patched = scim.patch(path, """
                {"schemas": ["%s"], "Operations": %s}
                """.formatted(PATCH, operations));
        assertThat(patched.status()).as(patched.toString()).isIn(200, 204);
    }

    @Test
    void eventsOfCycleMatchStore() {
        TenantCredentials tenant = standalone.newTenantToken("events");
        ScimClient scim = new ScimClient(standalone.scimUrl(), tenant.token());
        String first = createUser(scim, "first@example.test");
        String second = createUser(scim, "second@example.test");
        String third = createUser(scim, "third@example.test");
        patch(scim, "/Users/" + first,
                "[{\"op\": \"replace\", \"path\": \"userName\", \"value\": \"renamed@example.test\"}]");
        patch(scim, "/Users/" + second, "[{\"op\": \"replace\", \"path\": \"active\", \"value\": false}]");
        patch(scim, "/Users/" + second, "[{\"op\": \"replace\", \"path\": \"active\", \"value\": true}]");
        ScimClient.Response group = scim.post("/Groups", """
                {"schemas": ["%s"], "displayName": "Engineering",
                 "members": [{"value": "%s"}, {"value": "%s"}]}
                """.formatted(GROUP, first, second));
        assertThat(group.status()).isEqualTo(201);
        String groupId = group.json().path("id").asString();
        patch(scim, "/Groups/" + groupId, """
                [{"op": "add", "path": "members", "value": [{"value": "%s"}]},
                 {"op": "remove", "path": "members[value eq \\"%s\\"]"}]""".formatted(third, first));
        patch(scim, "/Groups/" + groupId,
                "[{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Platform\"}]");
        assertThat(scim.delete("/Users/" + third).status()).isEqualTo(204);
        String doomed = scim.post("/Groups", "{\"schemas\": [\"" + GROUP + "\"], \"displayName\": \"Doomed\"}")
                .json().path("id").asString();
        assertThat(scim.delete("/Groups/" + doomed).status()).isEqualTo(204);

        List<IdentityEvent> events;
        Map<String, IdentityEvent> state;
        try (IdentityConsumer changes = new IdentityConsumer(bootstrapServers(), "identity.changes")) {
            events = changes.readEvents(16, TIMEOUT).stream()
                    .filter(event -> event.tenantId().equals(tenant.tenantId()))
                    .toList();
            assertThat(changes.problems()).isEmpty();
            assertThat(changes.duplicates()).isZero();
        }
        try (IdentityConsumer bootstrap = new IdentityConsumer(bootstrapServers(), "identity.state")) {
            state = bootstrap.readState(Duration.ofSeconds(3));
        }

        Map<String, List<IdentityEventType>> typesBySubjectKey = events.stream().collect(
                Collectors.groupingBy(IdentityEvent::recordKey,
                        Collectors.mapping(IdentityEvent::type, Collectors.toList())));
        String prefix = tenant.tenantId() + "/";
        assertThat(typesBySubjectKey.get(prefix + "User/" + first)).containsExactly(
                IdentityEventType.USER_CREATED, IdentityEventType.USER_RENAMED);
        assertThat(typesBySubjectKey.get(prefix + "User/" + second)).containsExactly(
                IdentityEventType.USER_CREATED, IdentityEventType.USER_DISABLED,
                IdentityEventType.USER_ENABLED);
        assertThat(typesBySubjectKey.get(prefix + "User/" + third)).containsExactly(
                IdentityEventType.USER_CREATED, IdentityEventType.USER_DELETED);
        assertThat(typesBySubjectKey.get(prefix + "Group/" + groupId)).containsExactly(
                IdentityEventType.GROUP_CREATED, IdentityEventType.MEMBERSHIP_ADDED,
                IdentityEventType.MEMBERSHIP_ADDED, IdentityEventType.MEMBERSHIP_ADDED,
                IdentityEventType.MEMBERSHIP_REMOVED, IdentityEventType.GROUP_UPDATED,
                IdentityEventType.MEMBERSHIP_REMOVED);
        IdentityEvent endedByDelete = events.stream()
                .filter(event -> event.recordKey().equals(prefix + "Group/" + groupId))
                .reduce((earlier, later) -> later).orElseThrow();
        assertThat(((MembershipEventData) endedByDelete.data()).userId()).isEqualTo(third);
        assertThat(endedByDelete.sequence()).isEqualTo(7);
        assertThat(typesBySubjectKey.get(prefix + "Group/" + doomed)).containsExactly(
                IdentityEventType.GROUP_CREATED, IdentityEventType.GROUP_DELETED);
        IdentityEvent renamed = events.stream()
                .filter(event -> event.type() == IdentityEventType.USER_RENAMED).findFirst().orElseThrow();
        assertThat(((UserEventData) renamed.data()).previousPrincipalName()).isEqualTo("first@example.test");

        Map<String, IdentityEvent> tenantState = state.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(tenantState).containsOnlyKeys(prefix + "User/" + first, prefix + "User/" + second,
                prefix + "Group/" + groupId, prefix + "membership/" + groupId + "/" + second);
        ResourceStore store = standalone.context().getBean(ResourceStore.class);
        for (String userId : List.of(first, second)) {
            UserProfile stored = UserProfile.from(
                    store.findProfile(tenant.tenantId(), userId).orElseThrow().fields(), List.of());
            UserProfile bootstrapped = ((UserEventData) tenantState.get(prefix + "User/" + userId).data()).profile();
            assertThat(bootstrapped.principalName()).isEqualTo(stored.principalName());
            assertThat(bootstrapped.displayName()).isEqualTo(stored.displayName());
            assertThat(bootstrapped.active()).isEqualTo(stored.active());
        }
    }
}
