package io.scimsync.standalone.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline's contracts over HTTP against the standalone application: order per resource
 * under concurrent requests, effectively-once apply on redelivery, safe retries of a create, and
 * tenant isolation.
 */
class PipelineIT {

    private static final String CHANGES_TOPIC = "scim.changes";
    private static final String PROCESSOR_GROUP = "scimsync-processor";

    private static StandaloneInstance standalone;
    private static ScimClient scim;
    private static ScimClient otherTenant;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        TenantCredentials acme = standalone.newTenantToken("acme");
        TenantCredentials globex = standalone.newTenantToken("globex");
        scim = new ScimClient(standalone.scimUrl(), acme.token());
        otherTenant = new ScimClient(standalone.scimUrl(), globex.token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void concurrentPatchesKeepOrderPerUser() throws Exception {
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> createUser("order")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (String id : ids) {
                writers.add(pool.submit(() -> patchTitles(id, 20)));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            JsonNode user = scim.get("/Users/" + id).json();
            assertThat(user.path("title").asString()).as("title of %s", id).isEqualTo("title 20");
            assertThat(user.path("meta").path("version").asString()).isEqualTo("W/\"21\"");
        }
    }

    @Test
    void concurrentMemberAddsAllKept() throws Exception {
        String groupId = created(scim.post("/Groups", ScimRequests.group("Concurrent " + uid())));
        List<String> members = IntStream.range(0, 40).mapToObj(i -> createUser("member")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> adds = new ArrayList<>();
            for (String member : members) {
                adds.add(pool.submit(() ->
                        scim.patch("/Groups/" + groupId, ScimRequests.addMember(member))));
            }
            for (Future<Response> add : adds) {
                assertThat(add.get(120, TimeUnit.SECONDS).status()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> stored = memberIds(scim.get("/Groups/" + groupId).json());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void groupCreateAnswersItsMembers() {
        String member = createUser("member");
        Response withMember = scim.post("/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "displayName": "With %s", "Members": [{"value": "%s"}]}
                """.formatted(uid(), member));
        Response without = scim.post("/Groups", ScimRequests.group("Without " + uid()));

        assertThat(memberIds(withMember.json())).containsExactly(member);
        String emptyId = created(without);
        assertThat(without.json().path("members"))
                .as("the create answer renders members as a read does")
                .isEqualTo(scim.get("/Groups/" + emptyId).json().path("members"));
    }

    @Test
    void repeatedCreateIsUniquenessConflict() {
        String userName = "retry." + uid() + "@example.com";
        String id = created(scim.post("/Users", ScimRequests.user(userName)));

        Response retry = scim.post("/Users", ScimRequests.user(userName.toUpperCase()));

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().path("scimType").asString()).isEqualTo("uniqueness");
        assertThat(retry.json().path("status").asString()).isEqualTo("409");
        JsonNode found = findByUserName(scim, userName);
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").path(0).path("id").asString()).isEqualTo(id);
    }

    @Test
    void otherTenantGetsNotFound() {
        String userName = "isolated." + uid() + "@example.com";
        String id = created(scim.post("/Users", ScimRequests.user(userName)));

        assertThat(otherTenant.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(otherTenant.patch("/Users/" + id, ScimRequests.replace("title", "x")).status())
                .isEqualTo(404);
        assertThat(otherTenant.send("PUT", "/Users/" + id, ScimRequests.user(userName), Map.of())
                .status()).isEqualTo(404);
        assertThat(otherTenant.delete("/Users/" + id).status()).isEqualTo(404);
        JsonNode search = findByUserName(otherTenant, userName);
        assertThat(search.path("totalResults").asInt()).isZero();

        JsonNode own = scim.get("/Users/" + id).json();
        assertThat(own.path("title").isMissingNode()).isTrue();
        assertThat(own.path("meta").path("version").asString()).isEqualTo("W/\"1\"");
    }

    @Test
    void otherTenantMayReuseUserName() {
        String userName = "shared." + uid() + "@example.com";
        created(scim.post("/Users", ScimRequests.user(userName)));

        assertThat(otherTenant.post("/Users", ScimRequests.user(userName)).status()).isEqualTo(201);
    }

    @Test
    void redeliveredChangesApplyOnce() throws Exception {
        String id = createUser("redelivery");
        patchTitles(id, 5);
        String groupId = created(scim.post("/Groups", ScimRequests.group("Redelivery " + uid())));
        assertThat(scim.patch("/Groups/" + groupId, ScimRequests.addMember(id)).status())
                .isEqualTo(204);
        Map<String, String> versionsBefore = versions(id, groupId);
        long usersBefore = scim.get("/Users?count=0").json().path("totalResults").asLong();

        replayChangesTopicFromTheStart();

        assertThat(versions(id, groupId)).isEqualTo(versionsBefore);
        assertThat(scim.get("/Users/" + id).json().path("title").asString()).isEqualTo("title 5");
        assertThat(scim.get("/Users?count=0").json().path("totalResults").asLong())
                .isEqualTo(usersBefore);
        assertThat(memberIds(scim.get("/Groups/" + groupId).json())).containsExactly(id);
    }

    private void patchTitles(String id, int count) {
        for (int i = 1; i <= count; i++) {
            Response answer = scim.patch("/Users/" + id, ScimRequests.replace("title", "title " + i));
            assertThat(answer.status()).as("PATCH %d of %s: %s", i, id, answer).isEqualTo(200);
        }
    }

    private Map<String, String> versions(String... userThenGroups) {
        Map<String, String> versions = new HashMap<>();
        versions.put(userThenGroups[0], version(scim.get("/Users/" + userThenGroups[0]).json()));
        for (int i = 1; i < userThenGroups.length; i++) {
            versions.put(userThenGroups[i], version(scim.get("/Groups/" + userThenGroups[i]).json()));
        }
        return versions;
    }

    /**
     * Stops the processor, moves its committed offsets back to the start of every partition and
     * starts it again, so that it receives every change once more, then waits until it has caught
     * up.
     */
    private void replayChangesTopicFromTheStart() throws Exception {
        MessageListenerContainer processor = standalone.context()
                .getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("scimsync-processor");
        String bootstrap = standalone.context().getEnvironment()
                .getRequiredProperty("spring.kafka.bootstrap-servers");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            processor.stop();
            Map<TopicPartition, OffsetAndMetadata> start = partitions(admin).stream()
                    .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
            // The processor is a static member of its group: stopping it does not leave the
            // group, and offsets of a group with members cannot be changed.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin.removeMembersFromConsumerGroup(PROCESSOR_GROUP,
                        new RemoveMembersFromConsumerGroupOptions()).all().get();
                admin.alterConsumerGroupOffsets(PROCESSOR_GROUP, start).all().get();
                return true;
            });
            processor.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(admin));
        }
    }

    private static List<TopicPartition> partitions(Admin admin) throws Exception {
        var description = admin.describeTopics(List.of(CHANGES_TOPIC)).allTopicNames().get()
                .get(CHANGES_TOPIC);
        return description.partitions().stream()
                .map(p -> new TopicPartition(CHANGES_TOPIC, p.partition())).toList();
    }

    private static boolean caughtUp(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(PROCESSOR_GROUP).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = partitions(admin).stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata position = committed.get(end.getKey());
            long offset = position == null ? 0 : position.offset();
            return offset >= end.getValue().offset();
        });
    }

    private static JsonNode findByUserName(ScimClient client, String userName) {
        Response answer = client.get("/Users?"
                + ScimClient.filterQuery("userName eq \"" + userName + "\""));
        assertThat(answer.status()).as("search: %s", answer).isEqualTo(200);
        return answer.json();
    }

    private static String createUser(String prefix) {
        return created(scim.post("/Users", ScimRequests.user(prefix + "." + uid() + "@example.com")));
    }

    private static String created(Response answer) {
        assertThat(answer.status()).as("create: %s", answer).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    private static Set<String> memberIds(JsonNode group) {
        Set<String> ids = new java.util.HashSet<>();
        group.path("members").forEach(member -> ids.add(member.path("value").asString()));
        return ids;
    }

    private static String version(JsonNode resource) {
        return resource.path("meta").path("version").asString();
    }

    private static String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
