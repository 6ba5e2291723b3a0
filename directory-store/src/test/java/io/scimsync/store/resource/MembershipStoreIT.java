package io.scimsync.store.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.scimsync.schemas.ResourceType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Group memberships against mongo-java-server through the real MongoDB driver. */
class MembershipStoreIT {

    private static final String DATABASE = "test";
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static MongoServer server;
    private static MongoClient client;

    private ResourceStore resources;
    private MembershipStore memberships;
    private long nextOffset;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void createStores() {
        client.getDatabase(DATABASE).drop();
        MongoTemplate mongo = new MongoTemplate(client, DATABASE);
        new StoreIndexes(mongo).afterPropertiesSet();
        resources = new ResourceStore(mongo);
        memberships = new MembershipStore(mongo);
        nextOffset = 0;
    }

    @Test
    void addingMemberTwiceIsIdempotent() {
        createUser("t-1", "u-1");
        createGroup("t-1", "g-1");

        memberships.add("t-1", "g-1", Map.of("u-1", ResourceType.USER));
        memberships.add("t-1", "g-1", Map.of("u-1", ResourceType.USER));

        assertThat(memberships.members("t-1", "g-1"))
                .containsExactly(new Membership("g-1", "u-1", ResourceType.USER));
        assertThat(groupIds("t-1", ResourceType.USER, "u-1")).containsExactly("g-1");
    }

    @Test
    void membersAreSortedByMemberId() {
        createUser("t-1", "u-2");
        createUser("t-1", "u-1");
        createGroup("t-1", "g-1");
        createGroup("t-1", "g-0");

        memberships.add("t-1", "g-1", Map.of("u-2", ResourceType.USER,
                "u-1", ResourceType.USER, "g-0", ResourceType.GROUP));

        assertThat(memberships.members("t-1", "g-1")).containsExactly(
                new Membership("g-1", "g-0", ResourceType.GROUP),
                new Membership("g-1", "u-1", ResourceType.USER),
                new Membership("g-1", "u-2", ResourceType.USER));
    }

    @Test
    void removingNonMemberChangesNothing() {
        createUser("t-1", "u-1");
        createUser("t-1", "u-2");
        createGroup("t-1", "g-1");
        createGroup("t-1", "g-2");
        memberships.add("t-1", "g-1", Map.of("u-1", ResourceType.USER));
        memberships.add("t-1", "g-2", Map.of("u-2", ResourceType.USER));

        memberships.remove("t-1", "g-1", List.of("u-2", "missing"));

        assertThat(memberships.members("t-1", "g-1")).extracting(Membership::memberId)
                .containsExactly("u-1");
        assertThat(groupIds("t-1", ResourceType.USER, "u-2")).containsExactly("g-2");
    }

    @Test
    void groupIdsFollowAddsAndRemoves() {
        createUser("t-1", "u-1");
        createGroup("t-1", "g-1");
        createGroup("t-1", "g-2");

        memberships.add("t-1", "g-1", Map.of("u-1", ResourceType.USER));
        memberships.add("t-1", "g-2", Map.of("u-1", ResourceType.USER));
        assertThat(groupIds("t-1", ResourceType.USER, "u-1")).containsExactly("g-1", "g-2");

        memberships.remove("t-1", "g-1", List.of("u-1"));
        assertThat(groupIds("t-1", ResourceType.USER, "u-1")).containsExactly("g-2");
        assertThat(memberships.members("t-1", "g-1")).isEmpty();
    }

    @Test
    void nestedGroupGetsGroupIds() {
        createGroup("t-1", "g-parent");
        createGroup("t-1", "g-child");

        memberships.add("t-1", "g-parent", Map.of("g-child", ResourceType.GROUP));

        assertThat(groupIds("t-1", ResourceType.GROUP, "g-child")).containsExactly("g-parent");
        assertThat(memberships.members("t-1", "g-parent"))
                .containsExactly(new Membership("g-parent", "g-child", ResourceType.GROUP));
    }

    @Test
    void removeGroupClearsBothSides() {
        createUser("t-1", "u-1");
        createUser("t-1", "u-2");
        createGroup("t-1", "g-1");
        createGroup("t-1", "g-2");
        memberships.add("t-1", "g-1", Map.of("u-1", ResourceType.USER, "u-2", ResourceType.USER));
        memberships.add("t-1", "g-2", Map.of("u-1", ResourceType.USER));

        memberships.removeGroup("t-1", "g-1");

        assertThat(memberships.members("t-1", "g-1")).isEmpty();
        assertThat(groupIds("t-1", ResourceType.USER, "u-1")).containsExactly("g-2");
        assertThat(groupIds("t-1", ResourceType.USER, "u-2")).isEmpty();
        assertThat(memberships.members("t-1", "g-2")).extracting(Membership::memberId)
                .containsExactly("u-1");
    }

    @Test
    void removeMemberLeavesItsGroups() {
        createUser("t-1", "u-1");
        createUser("t-1", "u-2");
        createGroup("t-1", "g-1");
        createGroup("t-1", "g-2");
        memberships.add("t-1", "g-1", Map.of("u-1", ResourceType.USER, "u-2", ResourceType.USER));
        memberships.add("t-1", "g-2", Map.of("u-1", ResourceType.USER));

        memberships.removeMember("t-1", "u-1", List.of("g-1", "g-2"));

        assertThat(memberships.members("t-1", "g-1")).extracting(Membership::memberId)
                .containsExactly("u-2");
        assertThat(memberships.members("t-1", "g-2")).isEmpty();
    }

    @Test
    void resolveMembersIgnoresOtherTenant() {
        createUser("t-1", "u-1");
        createGroup("t-1", "g-1");
        createUser("t-2", "u-2");

        Map<String, ResourceType> found =
                memberships.resolveMembers("t-1", List.of("g-1", "u-2", "missing", "u-1"));

        assertThat(found).containsExactly(
                Map.entry("g-1", ResourceType.GROUP), Map.entry("u-1", ResourceType.USER));
    }

    @Test
    void membersAreScopedToTenant() {
        createUser("t-1", "u-1");
        createGroup("t-1", "g-1");
        createUser("t-2", "u-1");
        createGroup("t-2", "g-1");

        memberships.add("t-1", "g-1", Map.of("u-1", ResourceType.USER));

        assertThat(memberships.members("t-2", "g-1")).isEmpty();
        assertThat(groupIds("t-2", ResourceType.USER, "u-1")).isEmpty();
    }

    private List<String> groupIds(String tenantId, ResourceType type, String id) {
        return resources.find(tenantId, type, id).orElseThrow().groupIds();
    }

    private void createUser(String tenantId, String id) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode().put("userName", id);
        insert(new StoredResource(tenantId, ResourceType.USER, id, attributes, T0, T0, 1,
                List.of()));
    }

    private void createGroup(String tenantId, String id) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode().put("displayName", id);
        insert(new StoredResource(tenantId, ResourceType.GROUP, id, attributes, T0, T0, 1,
                List.of()));
    }

    private void insert(StoredResource resource) {
        resources.insert(resource, new ChangePosition(0, ++nextOffset));
    }
}
