package io.scimsync.store.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.filter.ScimFilters;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoreIndexes;
import io.scimsync.store.resource.StoredResource;
import java.time.Instant;
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
 * {@code co} and {@code ew} evaluated by mongo-java-server through the real MongoDB driver,
 * with values full of regular-expression metacharacters that must match only literally.
 */
class SubstringFilterIT {

    private static final String TENANT = "t-1";
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** userName and externalId of each stored user, by id. */
    private static final String[][] USERS = {
            {"u-dot", "a.b@x.example", "Ext.One"},
            {"u-adb", "aXb@x.example", "ExtXOne"},
            {"u-star", "star*name", "Star*"},
            {"u-paren", "(paren)", "(P)"},
            {"u-backslash", "back\\slash", "B\\S"},
            {"u-dollar", "cost$", "Cost$"},
            {"u-caret", "^caret", "^C"},
            {"u-bracket", "br[ack]et", "[B]"},
            {"u-newline", "line\nend", "L\nE"},
    };

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
        for (String[] user : USERS) {
            store.insert(user(user[0], user[1], user[2]), new ChangePosition(0, 1));
        }
        store.insert(new StoredResource("t-2", ResourceType.USER, "other-tenant",
                attributes("a.b@x.example", "Ext.One"), T0, T0, 1, List.of()),
                new ChangePosition(0, 2));
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "userName co \"a.b\"            | u-dot",
            "userName co \"A.B@\"           | u-dot",
            "userName co \"r*n\"            | u-star",
            "userName co \"(paren\"         | u-paren",
            "userName co \"k\\\\s\"         | u-backslash",
            "userName co \"t$\"             | u-dollar",
            "userName co \"^c\"             | u-caret",
            "userName co \"[ack]\"          | u-bracket",
            "userName ew \"$\"              | u-dollar",
            "userName ew \"caret\"          | u-caret",
            "userName ew \")\"              | u-paren",
            "userName ew \"\\nend\"         | u-newline",
            "externalId co \"t.O\"          | u-dot",
            "externalId ew \"*\"            | u-star",
            "externalId co \"\\\\\"         | u-backslash",
    })
    void metacharactersMatchLiterally(String filter, String expectedId) {
        assertThat(ids(filter)).containsExactly(expectedId);
    }

    @Test
    void endsWithDoesNotMatchBeforeTrailingNewline() {
        assertThat(ids("userName ew \"line\"")).isEmpty();
    }

    @Test
    void caseExactContainsComparesCase() {
        assertThat(ids("externalId co \"ext.one\"")).isEmpty();
    }

    @Test
    void caseInsensitiveEndsWithIgnoresCase() {
        assertThat(ids("userName ew \"X.EXAMPLE\"")).containsExactlyInAnyOrder("u-dot", "u-adb");
    }

    @Test
    void dotDoesNotMatchAnyCharacter() {
        assertThat(ids("userName co \"a.b@\"")).containsExactly("u-dot");
    }

    @Test
    void emailValueFilterContainsMatchesElement() {
        assertThat(ids("emails[value co \"(PAREN\"]")).containsExactly("u-paren");
    }

    @Test
    void emailsValueEndsWithMatchesAnyElement() {
        assertThat(ids("emails.value ew \"*name\"")).containsExactly("u-star");
    }

    private List<String> ids(String filter) {
        Document query = translator.toQuery(TENANT, ResourceType.USER,
                ScimFilters.parse(filter, ResourceType.USER, REGISTRY), (tenant, member) -> List.of());
        return store.query(ResourceType.USER, query, 0, 100).resources().stream()
                .map(StoredResource::id).toList();
    }

    private static StoredResource user(String id, String userName, String externalId) {
        return new StoredResource(TENANT, ResourceType.USER, id,
                attributes(userName, externalId), T0, T0, 1, List.of());
    }

    private static ObjectNode attributes(String userName, String externalId) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        attributes.put("userName", userName);
        attributes.put("externalId", externalId);
        attributes.putArray("emails").addObject().put("value", userName).put("type", "work");
        return attributes;
    }
}
