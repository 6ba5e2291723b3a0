package io.scimsync.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.ChangeOutcome;
import io.scimsync.schemas.change.Operation;
import io.scimsync.schemas.change.OutcomeStatus;
import io.scimsync.schemas.error.ScimType;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.patch.PatchEngine;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.resource.Membership;
import io.scimsync.store.resource.GroupHierarchy;
import io.scimsync.store.resource.MembershipStore;
import io.scimsync.store.resource.OutboxRecord;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoreIndexes;
import io.scimsync.store.resource.StoredResource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The change applier against mongo-java-server, through the real MongoDB driver. */
class ChangeApplierIT {

    private static final String DATABASE = "test";
    private static final String TENANT = "t-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final AtomicInteger FINDS = new AtomicInteger();

    private static MongoServer server;
    private static MongoClient client;

    private ResourceStore resources;
    private MembershipStore memberships;
    private ChangeApplier applier;
    private long lastOffset;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")) {
                            FINDS.incrementAndGet();
                        }
                    }
                })
                .build());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void createApplier() {
        client.getDatabase(DATABASE).drop();
        MongoTemplate mongo = new MongoTemplate(client, DATABASE);
        new StoreIndexes(mongo).afterPropertiesSet();
        resources = new ResourceStore(mongo);
        memberships = new MembershipStore(mongo);
        applier = new ChangeApplier(resources, new GroupMembers(memberships, new GroupHierarchy(resources, memberships)),
                new PatchEngine(SchemaRegistry.standard()), new IdentityEventWriter("scimsync"));
        lastOffset = 0;
    }

    @Test
    void createDeliveredTwiceIsAppliedOnce() {
        ChangeEvent create = userCreate("u-1", "alice@x.example");
        ChangePosition position = nextPosition();

        ChangeOutcome first = applier.apply(create, position);
        ChangeOutcome again = applier.apply(create, position);

        assertThat(first.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(again.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(user("u-1").version()).isEqualTo(1);
        assertThat(resources.appliedPosition(TENANT, ResourceType.USER, "u-1")).contains(position);
    }

    @Test
    void createRedeliveredAfterDeleteIsSkipped() {
        ChangeEvent create = userCreate("u-1", "alice@x.example");
        ChangePosition createdAt = nextPosition();
        applier.apply(create, createdAt);
        applier.apply(delete(ResourceType.USER, "u-1"), nextPosition());

        ChangeOutcome again = applier.apply(create, createdAt);

        assertThat(again.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(resources.find(TENANT, ResourceType.USER, "u-1")).isEmpty();
    }

    @Test
    void patchRedeliveredAtOldPositionIsSkipped() {
        applier.apply(userCreate("u-1", "alice@x.example"), nextPosition());
        ChangeEvent rename = patch(ResourceType.USER, "u-1", replace("displayName", "First"));
        ChangePosition renamedAt = nextPosition();
        applier.apply(rename, renamedAt);
        applier.apply(patch(ResourceType.USER, "u-1", replace("displayName", "Second")),
                nextPosition());

        ChangeOutcome again = applier.apply(rename, renamedAt);

        assertThat(again.status()).isEqualTo(OutcomeStatus.APPLIED);
        StoredResource stored = user("u-1");
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.attributes().path("displayName").asString()).isEqualTo("Second");
    }

    @Test
    void patchBumpsVersionAndPosition() {
        applier.apply(userCreate("u-1", "alice@x.example"), nextPosition());
        ChangePosition patchedAt = nextPosition();

        ChangeOutcome outcome = applier.apply(
                patch(ResourceType.USER, "u-1", replace("displayName", "Alice")), patchedAt);

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(user("u-1").version()).isEqualTo(2);
        assertThat(user("u-1").attributes().path("displayName").asString()).isEqualTo("Alice");
        assertThat(resources.appliedPosition(TENANT, ResourceType.USER, "u-1"))
                .contains(patchedAt);
    }

    @Test
    void patchOfUnknownIdIsNotFound() {
        ChangeOutcome outcome = applier.apply(
                patch(ResourceType.USER, "missing", replace("displayName", "x")), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.error().status()).isEqualTo(404);
    }

    @Test
    void deleteOfUnknownIdIsNotFound() {
        ChangeOutcome outcome = applier.apply(delete(ResourceType.USER, "missing"), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.error().status()).isEqualTo(404);
    }

    @Test
    void userNameDifferingInCaseIsConflict() {
        applier.apply(userCreate("u-1", "Alice@X.example"), nextPosition());

        ChangeOutcome outcome =
                applier.apply(userCreate("u-2", "ALICE@x.example"), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.error().status()).isEqualTo(409);
        assertThat(outcome.error().scimType()).isEqualTo(ScimType.UNIQUENESS);
        assertThat(resources.find(TENANT, ResourceType.USER, "u-2")).isEmpty();
    }

    @Test
    void patchToTakenUserNameIsConflict() {
        applier.apply(userCreate("u-1", "alice@x.example"), nextPosition());
        applier.apply(userCreate("u-2", "bob@x.example"), nextPosition());

        ChangeOutcome outcome = applier.apply(
                patch(ResourceType.USER, "u-2", replace("userName", "Alice@X.example")),
                nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.error().scimType()).isEqualTo(ScimType.UNIQUENESS);
        assertThat(user("u-2").attributes().path("userName").asString())
                .isEqualTo("bob@x.example");
    }

    @Test
    void groupCreateAddsMemberships() {
        createUsers("u-1", "u-2");

        ChangeOutcome outcome = applier.apply(groupCreate("g-1", "Sales", "u-1", "u-2"),
                nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(memberIds("g-1")).containsExactly("u-1", "u-2");
        assertThat(user("u-1").groupIds()).containsExactly("g-1");
        assertThat(group("g-1").attributes().has("members")).isFalse();
    }

    @Test
    void groupCreateWithTakenNameAddsNoMembers() {
        createUsers("u-1");
        applier.apply(groupCreate("g-1", "Sales"), nextPosition());

        ChangeOutcome outcome = applier.apply(groupCreate("g-2", "SALES", "u-1"), nextPosition());

        assertThat(outcome.error().scimType()).isEqualTo(ScimType.UNIQUENESS);
        assertThat(memberIds("g-2")).isEmpty();
        assertThat(user("u-1").groupIds()).isEmpty();
    }

    @Test
    void groupCreateWithUnknownMemberIsRejected() {
        createUsers("u-1");

        ChangeOutcome outcome = applier.apply(groupCreate("g-1", "Sales", "u-1", "missing"),
                nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.error().scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(resources.find(TENANT, ResourceType.GROUP, "g-1")).isEmpty();
        assertThat(user("u-1").groupIds()).isEmpty();
    }

    @Test
    void addingUnknownMemberIsInvalidValue() {
        createUsers("u-1");
        applier.apply(groupCreate("g-1", "Sales", "u-1"), nextPosition());

        ChangeOutcome outcome = applier.apply(
                patch(ResourceType.GROUP, "g-1", addMembers("missing")), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.error().status()).isEqualTo(400);
        assertThat(outcome.error().scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(group("g-1").version()).isEqualTo(1);
        assertThat(memberIds("g-1")).containsExactly("u-1");
    }

    @Test
    void unknownMemberBesideValidOneAddsNothing() {
        createUsers("u-1", "u-2");
        applier.apply(groupCreate("g-1", "Sales", "u-1"), nextPosition());

        ChangeOutcome outcome = applier.apply(
                patch(ResourceType.GROUP, "g-1", addMembers("u-2", "missing")), nextPosition());

        assertThat(outcome.error().scimType()).isEqualTo(ScimType.INVALID_VALUE);
        assertThat(group("g-1").version()).isEqualTo(1);
        assertThat(memberIds("g-1")).containsExactly("u-1");
        assertThat(user("u-2").groupIds()).isEmpty();
    }

    @Test
    void unknownMemberInLaterOperationAddsNothing() {
        createUsers("u-1", "u-2");
        applier.apply(groupCreate("g-1", "Sales", "u-1"), nextPosition());

        ChangeOutcome outcome = applier.apply(patch(ResourceType.GROUP, "g-1",
                addMembers("u-2"), replace("displayName", "Sales EU"), addMembers("missing")),
                nextPosition());

        assertThat(outcome.error().scimType()).isEqualTo(ScimType.INVALID_VALUE);
        StoredResource stored = group("g-1");
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.attributes().path("displayName").asString()).isEqualTo("Sales");
        assertThat(memberIds("g-1")).containsExactly("u-1");
        assertThat(user("u-2").groupIds()).isEmpty();
    }

    @Test
    void patchToTakenNameAddsNoMembers() {
        createUsers("u-1");
        applier.apply(groupCreate("g-1", "Sales"), nextPosition());
        applier.apply(groupCreate("g-2", "Support"), nextPosition());

        ChangeOutcome outcome = applier.apply(patch(ResourceType.GROUP, "g-2",
                replace("displayName", "SALES"), addMembers("u-1")), nextPosition());

        assertThat(outcome.error().scimType()).isEqualTo(ScimType.UNIQUENESS);
        assertThat(memberIds("g-2")).isEmpty();
        assertThat(user("u-1").groupIds()).isEmpty();
    }

    @Test
    void replaceWithTakenNameKeepsMembers() {
        createUsers("u-1", "u-2");
        applier.apply(groupCreate("g-1", "Sales"), nextPosition());
        applier.apply(groupCreate("g-2", "Support", "u-1"), nextPosition());

        ChangeOutcome outcome = applier.apply(
                replaceGroup("g-2", "SALES", "u-2"), nextPosition());

        assertThat(outcome.error().scimType()).isEqualTo(ScimType.UNIQUENESS);
        assertThat(memberIds("g-2")).containsExactly("u-1");
        assertThat(user("u-2").groupIds()).isEmpty();
    }

    @Test
    void removeByValueFilterDropsMember() {
        createUsers("u-1", "u-2");
        applier.apply(groupCreate("g-1", "Sales", "u-1", "u-2"), nextPosition());
        JsonNode remove = operation("remove", "members[value eq \"u-1\"]", null);

        ChangeOutcome outcome =
                applier.apply(patch(ResourceType.GROUP, "g-1", remove), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(memberIds("g-1")).containsExactly("u-2");
        assertThat(user("u-1").groupIds()).isEmpty();
        assertThat(group("g-1").version()).isEqualTo(2);
    }

    @Test
    void removeByValueArrayDropsMember() {
        createUsers("u-1", "u-2");
        applier.apply(groupCreate("g-1", "Sales", "u-1", "u-2"), nextPosition());
        JsonNode remove = operation("Remove", "members", members("u-2"));

        ChangeOutcome outcome =
                applier.apply(patch(ResourceType.GROUP, "g-1", remove), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(memberIds("g-1")).containsExactly("u-1");
        assertThat(user("u-2").groupIds()).isEmpty();
        assertThat(group("g-1").version()).isEqualTo(2);
    }

    @Test
    void removingNonMemberSucceeds() {
        createUsers("u-1", "u-2");
        applier.apply(groupCreate("g-1", "Sales", "u-1"), nextPosition());
        JsonNode remove = operation("remove", "members[value eq \"u-2\"]", null);

        ChangeOutcome outcome =
                applier.apply(patch(ResourceType.GROUP, "g-1", remove), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(memberIds("g-1")).containsExactly("u-1");
    }

    @Test
    void readdingMemberKeepsGroupVersion() {
        createUsers("u-1");
        applier.apply(groupCreate("g-1", "Sales", "u-1"), nextPosition());

        ChangeOutcome outcome =
                applier.apply(patch(ResourceType.GROUP, "g-1", addMembers("u-1")), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(group("g-1").version()).isEqualTo(1);
    }

    @Test
    void removingNonMemberKeepsGroupVersion() {
        createUsers("u-1", "u-2");
        applier.apply(groupCreate("g-1", "Sales", "u-1"), nextPosition());
        JsonNode remove = operation("remove", "members[value eq \"u-2\"]", null);

        applier.apply(patch(ResourceType.GROUP, "g-1", remove), nextPosition());

        assertThat(group("g-1").version()).isEqualTo(1);
    }

    @Test
    void deletedUserLeavesItsGroups() {
        createUsers("u-1", "u-2");
        applier.apply(groupCreate("g-1", "Sales", "u-1", "u-2"), nextPosition());
        applier.apply(groupCreate("g-2", "Support", "u-1"), nextPosition());

        ChangeOutcome outcome = applier.apply(delete(ResourceType.USER, "u-1"), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(memberIds("g-1")).containsExactly("u-2");
        assertThat(memberIds("g-2")).isEmpty();
    }

    @Test
    void deletedGroupLeavesMembersGroupIds() {
        createUsers("u-1");
        applier.apply(groupCreate("g-1", "Sales", "u-1"), nextPosition());
        applier.apply(groupCreate("g-2", "Support", "u-1"), nextPosition());

        applier.apply(delete(ResourceType.GROUP, "g-1"), nextPosition());

        assertThat(user("u-1").groupIds()).containsExactly("g-2");
        assertThat(memberIds("g-1")).isEmpty();
    }

    @Test
    void emptyPatchChangesNothing() {
        ChangePosition createdAt = nextPosition();
        applier.apply(userCreate("u-1", "alice@x.example"), createdAt);
        StoredResource before = user("u-1");

        ChangeOutcome outcome = applier.apply(patch(ResourceType.USER, "u-1"), nextPosition());

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(user("u-1")).isEqualTo(before);
        assertThat(resources.appliedPosition(TENANT, ResourceType.USER, "u-1"))
                .contains(createdAt);
    }

    @Test
    void batchReadsItsResourcesInOneQuery() {
        createUsers("u-1", "u-2", "u-3");
        List<ChangeEvent> changes = List.of(
                patch(ResourceType.USER, "u-1", replace("displayName", "A")),
                patch(ResourceType.USER, "u-2", replace("displayName", "B")),
                patch(ResourceType.USER, "u-3", replace("displayName", "C")));
        BatchReads reads = new BatchReads(resources);
        FINDS.set(0);

        reads.prefetch(changes);
        for (ChangeEvent change : changes) {
            applyInBatch(change, reads);
        }

        assertThat(FINDS.get()).as("find commands for the batch").isEqualTo(1);
        assertThat(user("u-2").attributes().path("displayName").asString()).isEqualTo("B");
    }

    @Test
    void batchSeesItsOwnWrites() {
        createUsers("u-1");
        ChangeEvent first = patch(ResourceType.USER, "u-1", replace("displayName", "First"));
        ChangeEvent second = patch(ResourceType.USER, "u-1", replace("title", "Second"));
        BatchReads reads = new BatchReads(resources);
        FINDS.set(0);

        reads.prefetch(List.of(first, second));
        applyInBatch(first, reads);
        applyInBatch(second, reads);

        assertThat(FINDS.get()).as("find commands for the batch").isEqualTo(1);
        StoredResource stored = user("u-1");
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.attributes().path("displayName").asString()).isEqualTo("First");
        assertThat(stored.attributes().path("title").asString()).isEqualTo("Second");
    }

    @Test
    void batchRereadsMembersAfterGroupChange() {
        createUsers("u-1");
        applier.apply(groupCreate("g-1", "Sales"), nextPosition());
        ChangeEvent join = patch(ResourceType.GROUP, "g-1", addMembers("u-1"));
        ChangeEvent leave = delete(ResourceType.USER, "u-1");
        BatchReads reads = new BatchReads(resources);

        reads.prefetch(List.of(join, leave));
        applyInBatch(join, reads);
        ChangeApplier.Result deleted = applyInBatch(leave, reads);

        assertThat(deleted.records()).extracting(OutboxRecord::topic)
                .as("the user's delete ends its new membership")
                .contains(OutboxRecord.NOTICES);
    }

    @Test
    void batchSeesItsOwnCreateAndDelete() {
        ChangeEvent create = userCreate("u-1", "alice@x.example");
        ChangeEvent rename = patch(ResourceType.USER, "u-1", replace("displayName", "Alice"));
        ChangeEvent remove = delete(ResourceType.USER, "u-1");
        BatchReads reads = new BatchReads(resources);

        reads.prefetch(List.of(create, rename, remove));
        applyInBatch(create, reads);
        applyInBatch(rename, reads);
        applyInBatch(remove, reads);

        assertThat(resources.find(TENANT, ResourceType.USER, "u-1")).isEmpty();
        assertThat(resources.isDeleted(TENANT, ResourceType.USER, "u-1")).isTrue();
        assertThat(applier.isApplied(create, new ChangePosition(0, lastOffset - 2), reads))
                .as("the create redelivered after the batch's delete").isTrue();
    }

    /**
     * A member add whose processor stopped after the group's write, before the membership's:
     * the redelivery writes the membership and publishes the first attempt's records again.
     */
    @Test
    void memberAddRedeliveredWritesMembershipAgain() {
        createUsers("u-1");
        applier.apply(groupCreate("g-1", "Sales"), nextPosition());
        ChangeEvent add = patch(ResourceType.GROUP, "g-1", addMembers("u-1"));
        ChangePosition addedAt = nextPosition();
        ChangeApplier.Result first = applier.apply(add, addedAt, ApplyPolicy.UNGUARDED);
        memberships.remove(TENANT, "g-1", List.of("u-1"));

        ChangeApplier.Result again = applier.apply(add, addedAt, ApplyPolicy.UNGUARDED);

        assertThat(again.outcome().status()).isEqualTo(OutcomeStatus.APPLIED);
        assertThat(memberIds("g-1")).containsExactly("u-1");
        assertThat(user("u-1").groupIds()).containsExactly("g-1");
        assertThat(eventTypes(again.records())).contains("scimsync.membership.added");
        assertThat(eventTypes(again.records())).isEqualTo(eventTypes(first.records()));
        assertThat(group("g-1").version()).isEqualTo(2);
    }

    @Test
    void memberReplaceRedeliveredWritesMembershipsAgain() {
        createUsers("u-1", "u-2");
        applier.apply(groupCreate("g-1", "Sales", "u-1"), nextPosition());
        ChangeEvent replace = replaceGroup("g-1", "Sales", "u-2");
        ChangePosition replacedAt = nextPosition();
        applier.apply(replace, replacedAt);
        memberships.add(TENANT, "g-1", java.util.Map.of("u-1", ResourceType.USER));
        memberships.remove(TENANT, "g-1", List.of("u-2"));

        applier.apply(replace, replacedAt);

        assertThat(memberIds("g-1")).containsExactly("u-2");
        assertThat(user("u-1").groupIds()).isEmpty();
        assertThat(user("u-2").groupIds()).containsExactly("g-1");
    }

    @Test
    void groupDeleteRedeliveredRemovesMembershipsAgain() {
        createUsers("u-1");
        applier.apply(groupCreate("g-1", "Sales", "u-1"), nextPosition());
        ChangeEvent delete = delete(ResourceType.GROUP, "g-1");
        ChangePosition deletedAt = nextPosition();
        ChangeApplier.Result first = applier.apply(delete, deletedAt, ApplyPolicy.UNGUARDED);
        memberships.add(TENANT, "g-1", java.util.Map.of("u-1", ResourceType.USER));

        ChangeApplier.Result again = applier.apply(delete, deletedAt, ApplyPolicy.UNGUARDED);

        assertThat(memberIds("g-1")).isEmpty();
        assertThat(user("u-1").groupIds()).isEmpty();
        assertThat(eventTypes(again.records())).contains("scimsync.membership.removed");
        assertThat(eventTypes(again.records())).isEqualTo(eventTypes(first.records()));
    }

    @Test
    void memberAddOutboxEntryKeepsItsMembershipWrites() {
        createUsers("u-1");
        applier.apply(groupCreate("g-1", "Sales"), nextPosition());
        ChangePosition addedAt = nextPosition();

        applier.apply(patch(ResourceType.GROUP, "g-1", addMembers("u-1")), addedAt);

        var entry = resources.outboxEntry(TENANT, ResourceType.GROUP, "g-1", addedAt);
        assertThat(entry).isPresent();
        assertThat(entry.get().membershipWrites().add()).containsOnlyKeys("u-1");
        assertThat(entry.get().membershipWrites().remove()).isEmpty();
    }

    private ChangeApplier.Result applyInBatch(ChangeEvent change, BatchReads reads) {
        ChangePosition position = nextPosition();
        assertThat(applier.isApplied(change, position, reads)).as("applied before").isFalse();
        ChangeApplier.Result result = applier.applyNew(change, position, ApplyPolicy.UNGUARDED, reads);
        assertThat(result.outcome().status()).as("outcome").isEqualTo(OutcomeStatus.APPLIED);
        return result;
    }

    /** Returns the CloudEvents types of the identity event records among {@code records}. */
    private static List<String> eventTypes(List<OutboxRecord> records) {
        return records.stream()
                .filter(record -> record.value() != null
                        && record.topic().equals(OutboxRecord.CHANGES))
                .map(record -> JSON.readTree(record.value()).path("type").asString())
                .toList();
    }

    private ChangePosition nextPosition() {
        lastOffset++;
        return new ChangePosition(0, lastOffset);
    }

    private void createUsers(String... ids) {
        for (String id : ids) {
            ChangeOutcome outcome =
                    applier.apply(userCreate(id, id + "@x.example"), nextPosition());
            assertThat(outcome.status()).isEqualTo(OutcomeStatus.APPLIED);
        }
    }

    private StoredResource user(String id) {
        return resources.find(TENANT, ResourceType.USER, id).orElseThrow();
    }

    private StoredResource group(String id) {
        return resources.find(TENANT, ResourceType.GROUP, id).orElseThrow();
    }

    private List<String> memberIds(String groupId) {
        return memberships.members(TENANT, groupId).stream().map(Membership::memberId).toList();
    }

    private static ChangeEvent userCreate(String id, String userName) {
        var body = JSON.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        body.put("userName", userName);
        body.put("active", true);
        return change(Operation.CREATE, ResourceType.USER, id, body);
    }

    private static ChangeEvent groupCreate(String id, String displayName, String... memberIds) {
        return change(Operation.CREATE, ResourceType.GROUP, id, groupBody(displayName, memberIds));
    }

    private static ChangeEvent replaceGroup(String id, String displayName, String... memberIds) {
        return change(Operation.REPLACE, ResourceType.GROUP, id, groupBody(displayName, memberIds));
    }

    private static JsonNode groupBody(String displayName, String... memberIds) {
        var body = JSON.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        body.put("displayName", displayName);
        if (memberIds.length > 0) {
            body.set("members", members(memberIds));
        }
        return body;
    }

    private static ChangeEvent patch(ResourceType type, String id, JsonNode... operations) {
        var body = JSON.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        body.putArray("Operations").addAll(List.of(operations));
        return change(Operation.PATCH, type, id, body);
    }

    private static ChangeEvent delete(ResourceType type, String id) {
        return change(Operation.DELETE, type, id, null);
    }

    private static ChangeEvent change(
            Operation operation, ResourceType type, String id, JsonNode payload) {
        return new ChangeEvent(UUID.randomUUID().toString(), TENANT, type, id, operation, payload,
                Instant.now());
    }

    private static JsonNode replace(String path, String value) {
        return operation("replace", path, JSON.getNodeFactory().stringNode(value));
    }

    private static JsonNode addMembers(String... memberIds) {
        return operation("Add", "members", members(memberIds));
    }

    private static JsonNode operation(String op, String path, JsonNode value) {
        var operation = JSON.createObjectNode().put("op", op).put("path", path);
        if (value != null) {
            operation.set("value", value);
        }
        return operation;
    }

    private static JsonNode members(String... memberIds) {
        var members = JSON.createArrayNode();
        for (String memberId : memberIds) {
            members.addObject().put("value", memberId);
        }
        return members;
    }
}
