package io.scimsync.store.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.profile.ProfileField;
import io.scimsync.schemas.profile.ProfileMapping;
import io.scimsync.store.profile.RederivationProgress.State;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The mapping store against mongo-java-server through the real MongoDB driver. */
class MappingStoreIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static StoreServer server;

    private MongoTemplate mongo;
    private MappingStore store;

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
        store = new MappingStore(mongo, SchemaRegistry.standard());
    }

    private static ProfileMapping mapping(String json) {
        return ProfileMapping.parse(JSON.readTree(json), SchemaRegistry.standard());
    }

    @Test
    void tenantWithoutMappingGetsDefault() {
        StoredMapping stored = store.get("t-1");

        assertThat(stored.mapping()).isEqualTo(ProfileMapping.DEFAULT);
        assertThat(stored.version()).isZero();
        assertThat(store.version("t-1")).isZero();
    }

    @Test
    void putIncrementsVersionAndIsReadBack() {
        ProfileMapping first = mapping("{\"fields\": {\"principalName\": [\"externalId\"]}}");
        ProfileMapping second = mapping("{\"fields\": {\"principalName\": [\"userName\"],"
                + " \"email\": [\"emails[type eq \\\"work\\\"].value\"]}}");

        StoredMapping v1 = store.put("t-1", first);
        StoredMapping v2 = store.put("t-1", second);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.get("t-1")).isEqualTo(new StoredMapping(second, 2));
        assertThat(store.get("t-1").mapping().paths(ProfileField.EMAIL).get(0).valueFilter())
                .isNotNull();
    }

    @Test
    void mappingsAreKeptPerTenant() {
        store.put("t-1", mapping("{\"fields\": {\"principalName\": [\"externalId\"]}}"));

        assertThat(store.get("t-2").mapping()).isEqualTo(ProfileMapping.DEFAULT);
        assertThat(mongo.getCollection(MappingStore.COLLECTION)
                .find(new Document("_id", "t-1")).first()).isNotNull();
    }

    @Test
    void tenantWithoutRunHasIdleProgress() {
        assertThat(store.progress("t-1")).isEqualTo(RederivationProgress.none());
    }

    @Test
    void progressIsSavedForCurrentVersion() {
        store.put("t-1", ProfileMapping.DEFAULT);
        RederivationProgress progress = new RederivationProgress(State.RUNNING, 1, 40, 90, 2);

        boolean saved = store.saveProgress("t-1", progress);

        assertThat(saved).isTrue();
        assertThat(store.progress("t-1")).isEqualTo(progress);
    }

    @Test
    void progressOfOlderVersionIsNotSaved() {
        store.put("t-1", ProfileMapping.DEFAULT);
        store.put("t-1", ProfileMapping.DEFAULT);
        store.saveProgress("t-1", new RederivationProgress(State.RUNNING, 2, 0, 10, 0));

        boolean saved = store.saveProgress("t-1",
                new RederivationProgress(State.IDLE, 1, 10, 10, 0));

        assertThat(saved).isFalse();
        assertThat(store.progress("t-1").mappingVersion()).isEqualTo(2);
        assertThat(store.progress("t-1").state()).isEqualTo(State.RUNNING);
    }

    @Test
    void putKeepsProgress() {
        store.put("t-1", ProfileMapping.DEFAULT);
        store.saveProgress("t-1", new RederivationProgress(State.IDLE, 1, 5, 5, 0));

        store.put("t-1", ProfileMapping.DEFAULT);

        assertThat(store.progress("t-1").done()).isEqualTo(5);
    }
}
