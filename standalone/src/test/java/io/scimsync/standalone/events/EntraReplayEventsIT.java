package io.scimsync.standalone.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.events.GroupEventData;
import io.scimsync.schemas.events.IdentityEvent;
import io.scimsync.schemas.events.IdentityEventType;
import io.scimsync.schemas.events.UserEventData;
import io.scimsync.schemas.events.UserProfile;
import io.scimsync.standalone.e2e.CaseReplayer;
import io.scimsync.standalone.e2e.ScimCase;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import io.scimsync.store.resource.ResourceStore;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;

/**
 * Replays the Entra-style case files, then reads the identity topics: the events keep their
 * order and sequence per key, every resource's first event is its creation, and a consumer
 * bootstrapping from the state topic ends with exactly the users and groups the store has, with
 * the same profiles.
 */
class EntraReplayEventsIT {

    @Test
    void eventsOfAnEntraCycleMatchTheStore() throws IOException {
        try (StandaloneInstance standalone = StandaloneInstance.start()) {
            TenantCredentials tenant = standalone.newTenantToken("entra-events");
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:entra/*.json");
            List<String> caseFiles = Arrays.stream(files)
                    .map(file -> "entra/" + file.getFilename()).sorted().toList();
            assertThat(caseFiles).isNotEmpty();
            for (String caseFile : caseFiles) {
                ScimCase scimCase = CaseReplayer.load(caseFile);
                new CaseReplayer(standalone.scimUrl(), tenant.token()).replay(scimCase);
            }
            String servers = standalone.context().getEnvironment()
                    .getRequiredProperty("spring.kafka.bootstrap-servers");
            List<IdentityEvent> events;
            try (IdentityConsumer changes = new IdentityConsumer(servers, "identity.changes")) {
                events = changes.readUntilIdle(Duration.ofSeconds(5)).stream()
                        .filter(event -> event.tenantId().equals(tenant.tenantId())).toList();
                assertThat(changes.problems()).isEmpty();
                assertThat(changes.duplicates()).isZero();
            }
            Map<String, IdentityEvent> state;
            try (IdentityConsumer bootstrap = new IdentityConsumer(servers, "identity.state")) {
                state = bootstrap.readState(Duration.ofSeconds(3));
            }

            assertThat(events).isNotEmpty();
            Map<String, List<IdentityEvent>> byKey = events.stream()
                    .collect(Collectors.groupingBy(IdentityEvent::recordKey));
            byKey.values().forEach(keyEvents -> assertThat(keyEvents.get(0).type())
                    .isIn(IdentityEventType.USER_CREATED, IdentityEventType.GROUP_CREATED));
            ScimClient scim = new ScimClient(standalone.scimUrl(), tenant.token());
            String prefix = tenant.tenantId() + "/";
            Set<String> storedKeys = new HashSet<>();
            ResourceStore store = standalone.context().getBean(ResourceStore.class);
            for (JsonNode user : scim.get("/Users?count=200").json().path("Resources")) {
                String id = user.path("id").asString();
                storedKeys.add(prefix + "User/" + id);
                UserProfile stored = UserProfile.from(
                        store.findProfile(tenant.tenantId(), id).orElseThrow().fields(), List.of());
                IdentityEvent latest = state.get(prefix + "User/" + id);
                assertThat(latest).as("state of user " + id).isNotNull();
                UserProfile bootstrapped = ((UserEventData) latest.data()).profile();
                assertThat(bootstrapped.principalName()).isEqualTo(stored.principalName());
                assertThat(bootstrapped.displayName()).isEqualTo(stored.displayName());
                assertThat(bootstrapped.active()).isEqualTo(stored.active());
            }
            for (JsonNode group : scim.get("/Groups?count=200").json().path("Resources")) {
                String key = prefix + "Group/" + group.path("id").asString();
                storedKeys.add(key);
                assertThat(state.get(key)).as("state of group " + key).isNotNull();
                assertThat(((GroupEventData) state.get(key).data()).profile().displayName())
                        .isEqualTo(group.path("displayName").asString());
            }
            Set<String> resourceKeysInState = state.keySet().stream()
                    .filter(key -> key.startsWith(prefix) && !key.startsWith(prefix + "membership/"))
                    .collect(Collectors.toSet());
            assertThat(resourceKeysInState).isEqualTo(storedKeys);
        }
    }
}
