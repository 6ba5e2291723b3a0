package io.scimsync.store.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.filter.ScimFilters;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.store.filter.FilterQueryTranslator;
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

/** The resource store against mongo-java-server through the real MongoDB driver. */
class ResourceStoreIT {

    private static final String DATABASE = "test";
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00.123Z");
    private static final Instant T1 = Instant.parse("2026-01-06T11:30:00.456Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();

    private static MongoServer server;
    private static MongoClient client;

    private MongoTemplate mongo;
    private ResourceStore store;
    private final FilterQueryTranslator translator = new FilterQueryTranslator(REGISTRY);

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
    void createStore() {
        client.getDatabase(DATABASE).drop();
        mongo = new MongoTemplate(client, DATABASE);
        new StoreIndexes(mongo).afterPropertiesSet();
        store = new ResourceStore(mongo);
    }

    @Test
    void insertedUserIsFoundWithAttributes() {
        StoredResource user = new StoredResource("t-1", ResourceType.USER, "u-1",
                attributes(ENTERPRISE_USER), T0, T1, 1, List.of("g-1"));

        store.insert(user, new ChangePosition(0, 7));

        assertThat(store.find("t-1", ResourceType.USER, "u-1")).contains(user);
    }

    @Test
    void storedFieldNamesAreEscaped() {
        store.insert(new StoredResource("t-1", ResourceType.USER, "u-1",
                attributes(ENTERPRISE_USER), T0, T0, 1, List.of()), new ChangePosition(0, 7));

        Document stored = rawUser("t-1/u-1").get("attributes", Document.class);
        Document extension = stored.get(
                "urn:ietf:params:scim:schemas:extension:enterprise:2%2E0:User", Document.class);
        assertThat(extension).isNotNull();
        assertThat(extension.get("manager", Document.class))
                .containsEntry("%24ref", "../Users/m-1")
                .containsEntry("value", "m-1");
    }

    @Test
    void searchCopyIsLowerCased() {
        store.insert(user("t-1", "u-1", "Alice@X.example"), new ChangePosition(0, 1));

        Document stored = rawUser("t-1/u-1");
        assertThat(stored.get("search", Document.class))
                .containsEntry("userName", "alice@x.example");
        assertThat(stored.get("attributes", Document.class))
                .containsEntry("userName", "Alice@X.example");
        assertThat(stored).containsEntry("uniqueKey", "alice@x.example");
    }

    @Test
    void unknownResourceIsEmpty() {
        assertThat(store.find("t-1", ResourceType.USER, "missing")).isEmpty();
        assertThat(store.appliedPosition("t-1", ResourceType.USER, "missing")).isEmpty();
    }

    @Test
    void findAllReturnsOnlyExistingOfTenant() {
        store.insert(user("t-1", "u-1", "one"), new ChangePosition(0, 1));
        store.insert(user("t-1", "u-2", "two"), new ChangePosition(0, 2));
        store.insert(user("t-2", "u-3", "three"), new ChangePosition(0, 3));

        List<StoredResource> found =
                store.findAll("t-1", ResourceType.USER, List.of("u-1", "u-3", "missing", "u-2"));

        assertThat(found).extracting(StoredResource::id).containsExactlyInAnyOrder("u-1", "u-2");
    }

    @Test
    void userNameDifferingInCaseIsTaken() {
        store.insert(user("t-1", "u-1", "Alice@X.example"), new ChangePosition(0, 1));

        assertThatThrownBy(() -> store.insert(
                user("t-1", "u-2", "ALICE@x.EXAMPLE"), new ChangePosition(1, 1)))
                .isInstanceOf(UniquenessViolationException.class);
        assertThat(store.find("t-1", ResourceType.USER, "u-2")).isEmpty();
    }

    @Test
    void sameUserNameAllowedInOtherTenant() {
        store.insert(user("t-1", "u-1", "alice@x.example"), new ChangePosition(0, 1));

        store.insert(user("t-2", "u-2", "Alice@X.example"), new ChangePosition(0, 2));

        assertThat(store.find("t-2", ResourceType.USER, "u-2")).isPresent();
    }

    @Test
    void groupDisplayNameDifferingInCaseIsTaken() {
        store.insert(group("t-1", "g-1", "Sales"), new ChangePosition(0, 1));
        StoredResource sameName = group("t-1", "g-2", "SALES");

        assertThatThrownBy(() -> store.insert(sameName, new ChangePosition(0, 2)))
                .isInstanceOf(UniquenessViolationException.class);
    }

    @Test
    void userAndGroupMayShareName() {
        store.insert(user("t-1", "u-1", "sales"), new ChangePosition(0, 1));

        store.insert(group("t-1", "g-1", "Sales"), new ChangePosition(0, 2));

        assertThat(store.find("t-1", ResourceType.GROUP, "g-1")).isPresent();
    }

    @Test
    void insertOfExistingIdIsConcurrentWrite() {
        store.insert(user("t-1", "u-1", "first"), new ChangePosition(0, 1));
        StoredResource sameId = user("t-1", "u-1", "second");

        assertThatThrownBy(() -> store.insert(sameId, new ChangePosition(0, 2)))
                .isInstanceOf(ConcurrentWriteException.class);
    }

    @Test
    void updateWritesNextVersion() {
        StoredResource created = user("t-1", "u-1", "alice");
        store.insert(created, new ChangePosition(0, 1));
        StoredResource changed = created.withAttributes(userAttributes("alice.new"), T1);

        store.update(changed, new ChangePosition(0, 2));

        StoredResource found = store.find("t-1", ResourceType.USER, "u-1").orElseThrow();
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.attributes().path("userName").asString()).isEqualTo("alice.new");
        assertThat(found.lastModified()).isEqualTo(T1);
        assertThat(found.created()).isEqualTo(T0);
        assertThat(store.appliedPosition("t-1", ResourceType.USER, "u-1"))
                .contains(new ChangePosition(0, 2));
    }

    @Test
    void updateKeepsStoredGroupIds() {
        StoredResource created = new StoredResource("t-1", ResourceType.USER, "u-1",
                userAttributes("alice"), T0, T0, 1, List.of("g-1"));
        store.insert(created, new ChangePosition(0, 1));
        StoredResource withoutGroups = new StoredResource("t-1", ResourceType.USER, "u-1",
                userAttributes("alice"), T0, T1, 2, List.of());

        store.update(withoutGroups, new ChangePosition(0, 2));

        assertThat(store.find("t-1", ResourceType.USER, "u-1").orElseThrow().groupIds())
                .containsExactly("g-1");
    }

    @Test
    void updateAtStaleVersionIsConcurrentWrite() {
        StoredResource created = user("t-1", "u-1", "alice");
        store.insert(created, new ChangePosition(0, 1));
        StoredResource first = created.withAttributes(userAttributes("first"), T1);
        store.update(first, new ChangePosition(0, 2));
        StoredResource stale = created.withAttributes(userAttributes("stale"), T1);

        assertThatThrownBy(() -> store.update(stale, new ChangePosition(0, 3)))
                .isInstanceOf(ConcurrentWriteException.class);
        StoredResource found = store.find("t-1", ResourceType.USER, "u-1").orElseThrow();
        assertThat(found.attributes().path("userName").asString()).isEqualTo("first");
        assertThat(store.appliedPosition("t-1", ResourceType.USER, "u-1"))
                .contains(new ChangePosition(0, 2));
    }

    @Test
    void updateOfMissingResourceIsConcurrentWrite() {
        StoredResource missing = new StoredResource("t-1", ResourceType.USER, "u-9",
                userAttributes("nobody"), T0, T0, 2, List.of());

        assertThatThrownBy(() -> store.update(missing, new ChangePosition(0, 1)))
                .isInstanceOf(ConcurrentWriteException.class);
    }

    @Test
    void updateToTakenUserNameIsRejected() {
        store.insert(user("t-1", "u-1", "alice"), new ChangePosition(0, 1));
        StoredResource bob = user("t-1", "u-2", "bob");
        store.insert(bob, new ChangePosition(1, 1));

        assertThatThrownBy(() -> store.update(
                bob.withAttributes(userAttributes("ALICE"), T1), new ChangePosition(1, 2)))
                .isInstanceOf(UniquenessViolationException.class);
        StoredResource found = store.find("t-1", ResourceType.USER, "u-2").orElseThrow();
        assertThat(found.attributes().path("userName").asString()).isEqualTo("bob");
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void deleteLeavesTombstonePosition() {
        StoredResource created = user("t-1", "u-1", "alice");
        store.insert(created, new ChangePosition(2, 10));

        store.delete(created, new ChangePosition(2, 15));

        assertThat(store.find("t-1", ResourceType.USER, "u-1")).isEmpty();
        assertThat(store.appliedPosition("t-1", ResourceType.USER, "u-1"))
                .contains(new ChangePosition(2, 15));
    }

    @Test
    void deleteFreesUserName() {
        StoredResource created = user("t-1", "u-1", "alice");
        store.insert(created, new ChangePosition(0, 1));
        store.delete(created, new ChangePosition(0, 2));

        store.insert(user("t-1", "u-2", "Alice"), new ChangePosition(1, 1));

        assertThat(store.find("t-1", ResourceType.USER, "u-2")).isPresent();
    }

    @Test
    void tombstoneIsPerResourceType() {
        StoredResource group = group("t-1", "x-1", "Sales");
        store.insert(group, new ChangePosition(0, 1));
        store.delete(group, new ChangePosition(0, 2));

        assertThat(store.appliedPosition("t-1", ResourceType.USER, "x-1")).isEmpty();
        assertThat(store.appliedPosition("t-1", ResourceType.GROUP, "x-1"))
                .contains(new ChangePosition(0, 2));
    }

    @Test
    void queryReturnsRequestedPage() {
        insertUsers("t-1", 5);

        ResourcePage page = store.query(ResourceType.USER, query("t-1", null), 1, 2);

        assertThat(page.totalResults()).isEqualTo(5);
        assertThat(page.resources()).extracting(StoredResource::id)
                .containsExactly("u-2", "u-3");
    }

    @Test
    void queryWithLimitZeroOnlyCounts() {
        insertUsers("t-1", 3);

        ResourcePage page = store.query(ResourceType.USER, query("t-1", null), 0, 0);

        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.resources()).isEmpty();
    }

    @Test
    void querySkippingPastEndIsEmpty() {
        insertUsers("t-1", 3);

        ResourcePage page = store.query(ResourceType.USER, query("t-1", null), 3, 10);

        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.resources()).isEmpty();
    }

    @Test
    void queryIsolatesTenants() {
        insertUsers("t-1", 2);
        insertUsers("t-2", 3);

        ResourcePage page = store.query(ResourceType.USER, query("t-1", null), 0, 10);

        assertThat(page.totalResults()).isEqualTo(2);
        assertThat(page.resources()).extracting(StoredResource::tenantId).containsOnly("t-1");
    }

    @Test
    void userNameQueryIgnoresCase() {
        insertUsers("t-1", 3);

        ResourcePage page = store.query(
                ResourceType.USER, query("t-1", "userName eq \"USER-2@X.example\""), 0, 10);

        assertThat(page.totalResults()).isEqualTo(1);
        assertThat(page.resources()).extracting(StoredResource::id).containsExactly("u-2");
    }

    @Test
    void userNameQueryIsolatesTenants() {
        insertUsers("t-1", 2);
        insertUsers("t-2", 2);

        ResourcePage page = store.query(
                ResourceType.USER, query("t-2", "userName eq \"user-1@x.example\""), 0, 10);

        assertThat(page.resources()).extracting(StoredResource::tenantId).containsExactly("t-2");
    }

    @Test
    void idQueryFindsResource() {
        insertUsers("t-1", 3);

        ResourcePage page = store.query(ResourceType.USER, query("t-1", "id eq \"u-3\""), 0, 10);

        assertThat(page.resources()).extracting(StoredResource::id).containsExactly("u-3");
    }

    @Test
    void entraEmailQueryMatchesWorkEmail() {
        insertUsers("t-1", 3);

        ResourcePage page = store.query(ResourceType.USER, query("t-1",
                "emails[type eq \"work\"].value eq \"USER-3@X.example\""), 0, 10);

        assertThat(page.resources()).extracting(StoredResource::id).containsExactly("u-3");
    }

    @Test
    void emailQueryIgnoresOtherTypes() {
        insertUsers("t-1", 3);

        ResourcePage page = store.query(ResourceType.USER, query("t-1",
                "emails[type eq \"home\"].value eq \"user-3@x.example\""), 0, 10);

        assertThat(page.totalResults()).isZero();
    }

    @Test
    void caseExactQueryComparesExactly() {
        store.insert(new StoredResource("t-1", ResourceType.USER, "u-1",
                userAttributes("alice").put("externalId", "Ext-1"), T0, T0, 1, List.of()),
                new ChangePosition(0, 1));

        ResourcePage exact = store.query(
                ResourceType.USER, query("t-1", "externalId eq \"Ext-1\""), 0, 10);
        ResourcePage otherCase = store.query(
                ResourceType.USER, query("t-1", "externalId eq \"ext-1\""), 0, 10);

        assertThat(exact.totalResults()).isEqualTo(1);
        assertThat(otherCase.totalResults()).isZero();
    }

    @Test
    void startsWithQueryMatchesPrefix() {
        insertUsers("t-1", 3);
        store.insert(user("t-1", "u-9", "other@x.example"), new ChangePosition(0, 9));

        ResourcePage page = store.query(
                ResourceType.USER, query("t-1", "userName sw \"USER-\""), 0, 10);

        assertThat(page.resources()).extracting(StoredResource::id)
                .containsExactly("u-1", "u-2", "u-3");
    }

    /**
     * Checks that {@code sw} on emails matches a user by one email. A real MongoDB matches each
     * operator of a range against any element of an array, so two emails could meet one bound
     * each. mongo-java-server matches the range per element either way.
     */
    @Test
    void startsWithOnEmailsNeedsOneMatchingEmail() {
        ObjectNode straddling = userAttributes("straddle");
        straddling.putArray("emails").add(JSON.createObjectNode().put("value", "b@x.example"))
                .add(JSON.createObjectNode().put("value", "0@x.example"));
        store.insert(new StoredResource("t-1", ResourceType.USER, "u-1", straddling, T0, T0, 1,
                List.of()), new ChangePosition(0, 1));
        store.insert(user("t-1", "u-2", "a@x.example"), new ChangePosition(0, 2));

        ResourcePage page = store.query(
                ResourceType.USER, query("t-1", "emails.value sw \"a@\""), 0, 10);

        assertThat(page.resources()).extracting(StoredResource::id).containsExactly("u-2");
    }

    @Test
    void createdQueryComparesDates() {
        store.insert(user("t-1", "u-1", "early"), new ChangePosition(0, 1));
        store.insert(new StoredResource("t-1", ResourceType.USER, "u-2", userAttributes("late"),
                T1, T1, 1, List.of()), new ChangePosition(0, 2));

        ResourcePage page = store.query(ResourceType.USER,
                query("t-1", "meta.created gt \"2026-01-06T00:00:00Z\""), 0, 10);

        assertThat(page.resources()).extracting(StoredResource::id).containsExactly("u-2");
    }

    @Test
    void userGroupsQueryMatchesGroupIds() {
        store.insert(new StoredResource("t-1", ResourceType.USER, "u-1", userAttributes("one"),
                T0, T0, 1, List.of("g-1", "g-2")), new ChangePosition(0, 1));
        store.insert(new StoredResource("t-1", ResourceType.USER, "u-2", userAttributes("two"),
                T0, T0, 1, List.of("g-3")), new ChangePosition(0, 2));

        ResourcePage page = store.query(
                ResourceType.USER, query("t-1", "groups.value eq \"g-2\""), 0, 10);

        assertThat(page.resources()).extracting(StoredResource::id).containsExactly("u-1");
    }

    @Test
    void enterpriseQueryMatchesEscapedField() {
        store.insert(new StoredResource("t-1", ResourceType.USER, "u-1",
                attributes(ENTERPRISE_USER), T0, T0, 1, List.of()), new ChangePosition(0, 1));

        ResourcePage page = store.query(ResourceType.USER, query("t-1",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"
                        + " eq \"e-42\""), 0, 10);

        assertThat(page.resources()).extracting(StoredResource::id).containsExactly("u-1");
    }

    private Document query(String tenantId, String filter) {
        var parsed = filter == null ? null : ScimFilters.parse(filter, ResourceType.USER, REGISTRY);
        return translator.toQuery(
                tenantId, ResourceType.USER, parsed, (tenant, member) -> List.of());
    }

    private void insertUsers(String tenantId, int count) {
        for (int i = 1; i <= count; i++) {
            store.insert(user(tenantId, "u-" + i, "user-" + i + "@x.example"),
                    new ChangePosition(0, i));
        }
    }

    private Document rawUser(String documentId) {
        return mongo.getCollection(Collections.USERS).find(new Document("_id", documentId)).first();
    }

    private static StoredResource user(String tenantId, String id, String userName) {
        return new StoredResource(tenantId, ResourceType.USER, id, userAttributes(userName),
                T0, T0, 1, List.of());
    }

    private static StoredResource group(String tenantId, String id, String displayName) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        attributes.put("displayName", displayName);
        return new StoredResource(tenantId, ResourceType.GROUP, id, attributes, T0, T0, 1,
                List.of());
    }

    private static ObjectNode userAttributes(String userName) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        attributes.put("userName", userName);
        attributes.putArray("emails").addObject()
                .put("value", userName).put("type", "work").put("primary", true);
        return attributes;
    }

    private static ObjectNode attributes(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    private static final String ENTERPRISE_USER = """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "userName": "Alice@X.example",
              "active": true,
              "name": {"givenName": "Alice", "familyName": "Example"},
              "emails": [{"value": "Alice@X.example", "type": "work", "primary": true}],
              "x-rate": 1.5,
              "x-count": 12345678901,
              "x.note%2E": "dots and percent signs survive",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "E-42",
                "manager": {"value": "m-1", "$ref": "../Users/m-1"}
              }
            }
            """;
}
