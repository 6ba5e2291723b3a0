package io.scimsync.store.profile;

import static io.scimsync.store.profile.ProfileDocumentsIT.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.profile.ProfileMapping;
import io.scimsync.store.profile.ProfileRederivation.Outcome;
import io.scimsync.store.profile.RederivationProgress.State;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.resource.DirectoryProfile;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoreIndexes;
import io.scimsync.store.resource.StoredResource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-derivation against mongo-java-server. Concurrent writers are simulated by a resource store
 * that performs a write of its own at a chosen point of the run, on the same database.
 */
class ProfileRederivationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T1 = Instant.parse("2026-02-01T08:00:00Z");

    private static StoreServer server;

    private MongoTemplate mongo;
    private ResourceStore store;
    private MappingStore mappings;

    @BeforeAll
    static void startServer() {
        server = new StoreServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createStores() {
        mongo = server.freshTemplate();
        new StoreIndexes(mongo).afterPropertiesSet();
        store = new ResourceStore(mongo);
        mappings = new MappingStore(mongo, SchemaRegistry.standard());
    }

    private static ProfileMapping byExternalId() {
        return ProfileMapping.parse(JSON.readTree(
                "{\"fields\": {\"principalName\": [\"externalId\"],"
                        + " \"displayName\": [\"userName\"]}}"), SchemaRegistry.standard());
    }

    private static StoredResource userWithExternalId(String id) {
        StoredResource user = user("t-1", id, "name-" + id);
        user.attributes().put("externalId", "ext-" + id);
        return user;
    }

    private String principalName(String id) {
        return store.findProfile("t-1", id).orElseThrow().fields().path("principalName")
                .asString();
    }

    @Test
    void everyUserGetsProfileOfNewMapping() {
        int users = ProfileRederivation.PAGE_SIZE * 2 + 50;
        for (int i = 0; i < users; i++) {
            store.insert(userWithExternalId(String.format("u-%04d", i)), new ChangePosition(0, i));
        }
        long version = mappings.put("t-1", byExternalId()).version();

        Outcome outcome = new ProfileRederivation(store, mappings).run("t-1");

        assertThat(outcome).isEqualTo(Outcome.COMPLETED);
        assertThat(mappings.progress("t-1"))
                .isEqualTo(new RederivationProgress(State.IDLE, version, users, users, 0));
        assertThat(principalName("u-0000")).isEqualTo("ext-u-0000");
        assertThat(principalName("u-0249")).isEqualTo("ext-u-0249");
        assertThat(store.findProfile("t-1", "u-0100").orElseThrow().mappingVersion())
                .isEqualTo(version);
    }

    @Test
    void underivableUserKeepsPreviousProfile() {
        store.insert(userWithExternalId("u-1"), new ChangePosition(0, 1));
        ObjectNode previous = JSON.createObjectNode().put("principalName", "kept");
        store.insert(user("t-1", "u-2", "no-external-id"), new ChangePosition(0, 2),
                new DirectoryProfile(previous, 0));
        mappings.put("t-1", byExternalId());

        new ProfileRederivation(store, mappings).run("t-1");

        assertThat(mappings.progress("t-1").failed()).isEqualTo(1);
        assertThat(mappings.progress("t-1").done()).isEqualTo(2);
        assertThat(store.findProfile("t-1", "u-2"))
                .contains(new DirectoryProfile(previous, 0));
        assertThat(principalName("u-1")).isEqualTo("ext-u-1");
    }

    @Test
    void conflictingWriteIsRereadAndRetried() {
        store.insert(userWithExternalId("u-1"), new ChangePosition(0, 1));
        mappings.put("t-1", byExternalId());
        ResourceStore racing = new ResourceStore(mongo) {
            private boolean raced;

            @Override
            public boolean replaceProfile(String tenantId, String id, long expectedVersion,
                    ObjectNode profile, long mappingVersion) {
                if (!raced) {
                    raced = true;
                    StoredResource current = find(tenantId, ResourceType.USER, id).orElseThrow();
                    ObjectNode changed = current.attributes().deepCopy().put("externalId", "new");
                    update(current.withAttributes(changed, T1), new ChangePosition(0, 9));
                }
                return super.replaceProfile(tenantId, id, expectedVersion, profile,
                        mappingVersion);
            }
        };

        new ProfileRederivation(racing, mappings).run("t-1");

        assertThat(principalName("u-1")).isEqualTo("new");
        assertThat(mappings.progress("t-1").done()).isEqualTo(1);
    }

    @Test
    void userWrittenWithOlderMappingIsCaughtUp() {
        store.insert(userWithExternalId("u-1"), new ChangePosition(0, 1));
        store.insert(userWithExternalId("u-2"), new ChangePosition(0, 2));
        long version = mappings.put("t-1", byExternalId()).version();
        ResourceStore racing = new ResourceStore(mongo) {
            private boolean raced;

            @Override
            public List<StoredResource> usersAfter(String tenantId, String afterId, int limit) {
                List<StoredResource> page = super.usersAfter(tenantId, afterId, limit);
                if (page.isEmpty() && !raced) {
                    raced = true;
                    writeWithOldMapping();
                }
                return page;
            }

            private void writeWithOldMapping() {
                StoredResource current = find("t-1", ResourceType.USER, "u-1").orElseThrow();
                ObjectNode old = JSON.createObjectNode().put("principalName", "old");
                update(current.touched(T1), new ChangePosition(0, 9),
                        new DirectoryProfile(old, version - 1));
                insert(userWithExternalId("u-3"), new ChangePosition(0, 10),
                        new DirectoryProfile(old, version - 1));
            }
        };

        Outcome outcome = new ProfileRederivation(racing, mappings).run("t-1");

        assertThat(outcome).isEqualTo(Outcome.COMPLETED);
        assertThat(principalName("u-1")).isEqualTo("ext-u-1");
        assertThat(principalName("u-3")).isEqualTo("ext-u-3");
        assertThat(mappings.progress("t-1").done()).isEqualTo(4);
        assertThat(mappings.progress("t-1").total()).isEqualTo(4);
    }

    @Test
    void newerMappingSupersedesRun() {
        store.insert(userWithExternalId("u-1"), new ChangePosition(0, 1));
        long first = mappings.put("t-1", byExternalId()).version();
        ResourceStore racing = new ResourceStore(mongo) {
            @Override
            public boolean replaceProfile(String tenantId, String id, long expectedVersion,
                    ObjectNode profile, long mappingVersion) {
                mappings.put("t-1", ProfileMapping.DEFAULT);
                return super.replaceProfile(tenantId, id, expectedVersion, profile,
                        mappingVersion);
            }
        };

        Outcome outcome = new ProfileRederivation(racing, mappings).run("t-1");

        assertThat(outcome).isEqualTo(Outcome.SUPERSEDED);
        assertThat(mappings.progress("t-1").mappingVersion()).isEqualTo(first);
        assertThat(mappings.progress("t-1").state()).isEqualTo(State.RUNNING);
    }
}
