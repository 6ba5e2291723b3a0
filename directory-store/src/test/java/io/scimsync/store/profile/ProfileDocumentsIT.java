package io.scimsync.store.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.schemas.ResourceType;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.resource.ConcurrentWriteException;
import io.scimsync.store.resource.DirectoryProfile;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoreIndexes;
import io.scimsync.store.resource.StoredResource;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The profile part of the user documents, through {@link ResourceStore}. */
class ProfileDocumentsIT {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static StoreServer server;

    private MongoTemplate mongo;
    private ResourceStore store;

    @BeforeAll
    static void startServer() {
        server = new StoreServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createStore() {
        mongo = server.freshTemplate();
        new StoreIndexes(mongo).afterPropertiesSet();
        store = new ResourceStore(mongo);
    }

    static StoredResource user(String tenantId, String id, String userName) {
        ObjectNode attributes = JSON.createObjectNode().put("userName", userName);
        return new StoredResource(tenantId, ResourceType.USER, id, attributes, T0, T0, 1, List.of());
    }

    private static ObjectNode profile(String principalName) {
        return JSON.createObjectNode().put("principalName", principalName).put("active", true);
    }

    private Document rawUser(String documentId) {
        return mongo.getCollection("users").find(new Document("_id", documentId)).first();
    }

    @Test
    void insertWithProfileStoresBoth() {
        store.insert(user("t-1", "u-1", "alice"), new ChangePosition(0, 1),
                new DirectoryProfile(profile("alice"), 3));

        assertThat(store.find("t-1", ResourceType.USER, "u-1")).isPresent();
        assertThat(store.findProfile("t-1", "u-1"))
                .contains(new DirectoryProfile(profile("alice"), 3));
        assertThat(rawUser("t-1/u-1").get("profile", Document.class))
                .containsEntry("principalName", "alice");
    }

    @Test
    void insertWithoutProfileHasNone() {
        store.insert(user("t-1", "u-1", "alice"), new ChangePosition(0, 1));

        assertThat(store.findProfile("t-1", "u-1")).isEmpty();
        assertThat(store.findProfile("t-1", "missing")).isEmpty();
    }

    @Test
    void profileFieldNamesAreEscaped() {
        ObjectNode odd = profile("alice").put("a.b", "x").put("$c", "y");

        store.insert(user("t-1", "u-1", "alice"), new ChangePosition(0, 1),
                new DirectoryProfile(odd, 1));

        assertThat(rawUser("t-1/u-1").get("profile", Document.class))
                .containsKeys("a%2Eb", "%24c");
        assertThat(store.findProfile("t-1", "u-1").orElseThrow().fields()).isEqualTo(odd);
    }

    @Test
    void updateWithProfileReplacesBoth() {
        StoredResource user = user("t-1", "u-1", "alice");
        store.insert(user, new ChangePosition(0, 1), new DirectoryProfile(profile("alice"), 1));
        ObjectNode renamed = JSON.createObjectNode().put("userName", "alicia");

        store.update(user.withAttributes(renamed, T0), new ChangePosition(0, 2),
                new DirectoryProfile(profile("alicia"), 2));

        assertThat(store.find("t-1", ResourceType.USER, "u-1").orElseThrow().version())
                .isEqualTo(2);
        assertThat(store.findProfile("t-1", "u-1"))
                .contains(new DirectoryProfile(profile("alicia"), 2));
    }

    @Test
    void updateWithoutProfileKeepsProfile() {
        StoredResource user = user("t-1", "u-1", "alice");
        store.insert(user, new ChangePosition(0, 1), new DirectoryProfile(profile("alice"), 1));

        store.update(user.touched(T0), new ChangePosition(0, 2));

        assertThat(store.findProfile("t-1", "u-1"))
                .contains(new DirectoryProfile(profile("alice"), 1));
    }

    @Test
    void staleUpdateWithProfileWritesNothing() {
        StoredResource user = user("t-1", "u-1", "alice");
        store.insert(user, new ChangePosition(0, 1), new DirectoryProfile(profile("alice"), 1));
        StoredResource skipped = user.touched(T0).touched(T0);

        assertThatThrownBy(() -> store.update(skipped, new ChangePosition(0, 2),
                new DirectoryProfile(profile("other"), 1)))
                .isInstanceOf(ConcurrentWriteException.class);
        assertThat(store.findProfile("t-1", "u-1").orElseThrow().fields())
                .isEqualTo(profile("alice"));
    }

    @Test
    void replaceProfileAtVersionSucceeds() {
        store.insert(user("t-1", "u-1", "alice"), new ChangePosition(0, 1));

        boolean replaced = store.replaceProfile("t-1", "u-1", 1, profile("alice"), 4);

        assertThat(replaced).isTrue();
        assertThat(store.findProfile("t-1", "u-1"))
                .contains(new DirectoryProfile(profile("alice"), 4));
        assertThat(store.find("t-1", ResourceType.USER, "u-1").orElseThrow().version())
                .isEqualTo(1);
    }

    @Test
    void replaceProfileAtOtherVersionFails() {
        store.insert(user("t-1", "u-1", "alice"), new ChangePosition(0, 1));

        assertThat(store.replaceProfile("t-1", "u-1", 2, profile("alice"), 4)).isFalse();
        assertThat(store.replaceProfile("t-1", "missing", 1, profile("alice"), 4)).isFalse();
        assertThat(store.findProfile("t-1", "u-1")).isEmpty();
    }

    @Test
    void replaceProfileNeverGoesBackToOlderMapping() {
        store.insert(user("t-1", "u-1", "alice"), new ChangePosition(0, 1),
                new DirectoryProfile(profile("new"), 5));

        boolean replaced = store.replaceProfile("t-1", "u-1", 1, profile("old"), 4);

        assertThat(replaced).isFalse();
        assertThat(store.findProfile("t-1", "u-1").orElseThrow().mappingVersion()).isEqualTo(5);
    }

    @Test
    void usersArePagedInIdOrder() {
        for (String id : List.of("u-3", "u-1", "u-2", "u-4")) {
            store.insert(user("t-1", id, id), new ChangePosition(0, 1));
        }
        store.insert(user("t-2", "u-0", "other"), new ChangePosition(0, 1));

        List<StoredResource> first = store.usersAfter("t-1", null, 3);
        List<StoredResource> second = store.usersAfter("t-1", "u-3", 3);

        assertThat(first).extracting(StoredResource::id).containsExactly("u-1", "u-2", "u-3");
        assertThat(second).extracting(StoredResource::id).containsExactly("u-4");
        assertThat(store.countUsers("t-1")).isEqualTo(4);
    }

    @Test
    void staleProfilesExcludeCurrentAndFailed() {
        store.insert(user("t-1", "u-1", "none"), new ChangePosition(0, 1));
        store.insert(user("t-1", "u-2", "old"), new ChangePosition(0, 1),
                new DirectoryProfile(profile("old"), 1));
        store.insert(user("t-1", "u-3", "current"), new ChangePosition(0, 1),
                new DirectoryProfile(profile("current"), 2));
        store.insert(user("t-1", "u-4", "failed"), new ChangePosition(0, 1));
        store.markProfileFailed("t-1", "u-4", 1, 2);

        List<StoredResource> stale = store.usersWithStaleProfile("t-1", 2, null, 10);

        assertThat(stale).extracting(StoredResource::id).containsExactly("u-1", "u-2");
    }

    @Test
    void writeClearsFailureMark() {
        StoredResource user = user("t-1", "u-1", "alice");
        store.insert(user, new ChangePosition(0, 1));
        store.markProfileFailed("t-1", "u-1", 1, 2);

        store.update(user.touched(T0), new ChangePosition(0, 2));

        assertThat(store.usersWithStaleProfile("t-1", 2, null, 10))
                .extracting(StoredResource::id).containsExactly("u-1");
    }

    @Test
    void failureMarkAtOtherVersionFails() {
        store.insert(user("t-1", "u-1", "alice"), new ChangePosition(0, 1));

        assertThat(store.markProfileFailed("t-1", "u-1", 7, 2)).isFalse();
        assertThat(store.usersWithStaleProfile("t-1", 2, null, 10)).hasSize(1);
    }
}
