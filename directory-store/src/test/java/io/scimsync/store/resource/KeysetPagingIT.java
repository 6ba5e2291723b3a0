package io.scimsync.store.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.store.filter.FilterQueryTranslator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading listings from a position onwards and backwards against mongo-java-server: every
 * resource is listed exactly once and in the order a skip-based listing gives, including
 * resources without a value of the sort field and ties on it.
 */
class KeysetPagingIT {

    private static final String TENANT = "t-1";
    private static final int USERS = 23;
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MongoServer server;
    private static MongoClient client;
    private static ResourceStore store;
    private final FilterQueryTranslator translator = new FilterQueryTranslator(REGISTRY);

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoTemplate mongo = new MongoTemplate(client, "test");
        new StoreIndexes(mongo).afterPropertiesSet();
        store = new ResourceStore(mongo);
        for (int i = 0; i < USERS; i++) {
            store.insert(user(TENANT, "u-" + (char) ('a' + (i * 7) % USERS), i),
                    new ChangePosition(0, i));
        }
        store.insert(user("t-2", "u-other", 1), new ChangePosition(0, 99));
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @ParameterizedTest(name = "sortBy={0} descending={1}")
    @CsvSource({",false", "id,true", "title,false", "title,true", "userName,false",
            "userName,true", "meta.created,true", "active,false", "displayName,true"})
    void forwardPagesListEveryResourceInSortOrder(String sortBy, boolean descending) {
        SortOrder order = translator.toSortOrder(ResourceType.USER, sortBy, descending);

        List<String> walked = walkForward(order, 4);

        assertThat(walked).hasSize(USERS);
        assertThat(walked).containsExactlyElementsOf(skipOrder(order));
    }

    @ParameterizedTest(name = "sortBy={0} descending={1}")
    @CsvSource({",false", "id,true", "title,false", "title,true", "userName,true"})
    void backwardPagesListEveryResourceInReverse(String sortBy, boolean descending) {
        SortOrder order = translator.toSortOrder(ResourceType.USER, sortBy, descending);

        List<String> walked = walkBackward(order, 5);

        List<String> expected = new ArrayList<>(skipOrder(order));
        Collections.reverse(expected);
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void lastPageHasNoMore() {
        KeysetPage page = store.seek(ResourceType.USER, tenant(), SortOrder.BY_ID, null, false,
                USERS);

        assertThat(page.resources()).hasSize(USERS);
        assertThat(page.more()).isFalse();
    }

    @Test
    void positionAfterLastResourceIsEmpty() {
        PagePosition end = new PagePosition(null, "u-zzz");

        KeysetPage page = store.seek(ResourceType.USER, tenant(), SortOrder.BY_ID, end, false, 5);

        assertThat(page.resources()).isEmpty();
        assertThat(page.first()).isNull();
        assertThat(page.more()).isFalse();
    }

    @Test
    void pageOfOtherTenantIsNotListed() {
        KeysetPage page = store.seek(ResourceType.USER, tenant(), SortOrder.BY_ID, null, false,
                100);

        assertThat(page.resources()).extracting(StoredResource::tenantId).containsOnly(TENANT);
    }

    @Test
    void multiValuedOrderIsRejected() {
        SortOrder order = translator.toSortOrder(ResourceType.USER, "emails.value", false);

        assertThat(order.multiValued()).isTrue();
        assertThatThrownBy(() -> store.seek(ResourceType.USER, tenant(), order, null, false, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> walkForward(SortOrder order, int pageSize) {
        List<String> walked = new ArrayList<>();
        PagePosition position = null;
        for (int pages = 0; pages <= USERS; pages++) {
            KeysetPage page = store.seek(ResourceType.USER, tenant(), order, position, false,
                    pageSize);
            page.resources().forEach(resource -> walked.add(resource.id()));
            if (!page.more()) {
                return walked;
            }
            position = page.last();
        }
        throw new AssertionError("the listing did not end after " + USERS + " pages: " + walked);
    }

    private List<String> walkBackward(SortOrder order, int pageSize) {
        List<String> walked = new ArrayList<>();
        PagePosition position = null;
        for (int pages = 0; pages <= USERS; pages++) {
            KeysetPage page = store.seek(ResourceType.USER, tenant(), order, position, true,
                    pageSize);
            List<String> ids = new ArrayList<>(page.resources().stream().map(StoredResource::id)
                    .toList());
            Collections.reverse(ids);
            walked.addAll(ids);
            if (!page.more()) {
                return walked;
            }
            position = page.first();
        }
        throw new AssertionError("the listing did not end after " + USERS + " pages: " + walked);
    }

    private List<String> skipOrder(SortOrder order) {
        return store.query(ResourceType.USER, tenant(), order.toSort(), 0, 1000).resources()
                .stream().map(StoredResource::id).toList();
    }

    private static Document tenant() {
        return new Document("tenantId", TENANT);
    }

    /** Returns a user whose title is missing for every fourth index and repeats otherwise. */
    private static StoredResource user(String tenantId, String id, int index) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        attributes.put("userName", "User-" + (char) ('A' + (index * 5) % 26) + "@x.example");
        attributes.put("displayName", index % 3 == 0 ? "Same" : "Name " + index);
        if (index % 4 != 0) {
            attributes.put("title", "Title " + index % 3);
        }
        attributes.put("active", index % 2 == 0);
        attributes.putArray("emails").addObject().put("value", "e" + index + "@x.example");
        return new StoredResource(tenantId, ResourceType.USER, id, attributes,
                T0.plusSeconds(index % 5), T0, 1, List.of());
    }
}
