package io.scimsync.store.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ExplainVerbosity;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.scimsync.schemas.ResourceType;
import io.scimsync.store.resource.QueryShapes.CursorPageShape;
import io.scimsync.store.resource.QueryShapes.FilterShape;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The query shapes of {@link QueryShapes} on a real MongoDB, through {@code explain}. For each
 * shape that {@link IndexCoverage} finds served by an index, the winning plan must scan that
 * index, and for the filter shapes it must bound every field that the model matches on both
 * ends. The embedded store of the other tests cannot show this, because it ignores non-unique
 * indexes and has no {@code explain}. {@link StoreIndexes} creates the indexes, as it does when
 * the application starts.
 *
 * <p>MongoDB runs in Docker, started by Testcontainers, and the class is skipped where no Docker
 * engine is reachable.
 *
 * <p>NOTE: the explain parsing follows MongoDB's documented output format and has not yet run
 * against a real server, so the plans that MongoDB 8.0 picks on this data are expected, not seen.
 */
@EnabledIf(value = "dockerIsAvailable", disabledReason = RealMongoIndexesIT.DOCKER_MISSING)
class RealMongoIndexesIT {

    static final String DOCKER_MISSING = "Docker is not available: RealMongoIndexesIT needs a"
            + " Docker engine to start MongoDB; the query shapes are checked against"
            + " IndexCoverage by StoreIndexesTest";

    /** The MongoDB release that docker-compose.yml deploys. */
    private static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8.0");

    private static final String DATABASE = "scimsync";
    private static final String OTHER_TENANT = "t-2";

    /**
     * Users and groups of the shapes' tenant. Their ids run to u-99 and g-99, so ten users come
     * after the cursor position u-9.
     */
    private static final int TENANT_RESOURCES = 99;
    private static final int OTHER_TENANT_RESOURCES = 20;

    /** The limit of {@code ResourceStore.seek} for a page of ten, which reads one more. */
    private static final int SEEK_LIMIT = 11;

    private static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MongoDBContainer mongo;
    private static MongoClient client;
    private static MongoDatabase database;

    static boolean dockerIsAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @BeforeAll
    static void startMongo() {
        mongo = new MongoDBContainer(MONGO_IMAGE);
        mongo.start();
        client = MongoClients.create(mongo.getConnectionString());
        MongoTemplate template = new MongoTemplate(client, DATABASE);
        new StoreIndexes(template).afterPropertiesSet();

        ResourceStore store = new ResourceStore(template);
        insertTenant(store, QueryShapes.TENANT, TENANT_RESOURCES);
        insertTenant(store, OTHER_TENANT, OTHER_TENANT_RESOURCES);
        database = client.getDatabase(DATABASE);
    }

    @AfterAll
    static void stopMongo() {
        if (client != null) {
            client.close();
        }
        if (mongo != null) {
            mongo.stop();
        }
    }

    @Test
    void declaredIndexesExistUnderModelledNames() {
        for (IndexDeclaration declared : StoreIndexes.declared()) {
            Map<String, Document> byName = new HashMap<>();
            database.getCollection(declared.collection()).listIndexes()
                    .forEach(index -> byName.put(index.getString("name"), index));
            String description = declared.collection() + "." + declared.effectiveName();

            Document created = byName.get(declared.effectiveName());

            assertThat(created).as("%s among %s", description, byName.keySet()).isNotNull();
            assertThat(created.get("key", Document.class)).as(description)
                    .isEqualTo(declared.keys());
            assertThat(created.getBoolean("unique", false)).as(description)
                    .isEqualTo(declared.unique());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filtersServedByIndex")
    void filterScansModelledIndexWithinBounds(FilterShape shape) {
        Document query = shape.query();
        List<IndexCoverage.Match> modelled =
                IndexCoverage.plan(shape.collection(), query, new Document()).orElseThrow();
        assertThat(modelled).as("IndexCoverage plan of %s", shape).hasSize(1);
        IndexCoverage.Match match = modelled.get(0);

        Document plan = winningPlan(shape.collection(), query, new Document(), 0);

        List<Document> scans = indexScans(plan);
        assertThat(scans).as("IXSCAN stages of %s", plan.toJson()).isNotEmpty();
        for (Document scan : scans) {
            assertThat(scan.getString("indexName")).as(plan.toJson())
                    .isEqualTo(match.index().effectiveName());
            for (String field : match.matchedFields()) {
                assertBoundedByQueryStrings(scan, field, plan);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.scimsync.store.resource.QueryShapes#cursorPages")
    void cursorPageScansModelledIndex(CursorPageShape shape) {
        Document sort = shape.order().toSort();
        for (Document query : shape.queries()) {
            Set<String> modelled = IndexCoverage.plan(shape.collection(), query, sort)
                    .orElseThrow().stream()
                    .map(match -> match.index().effectiveName())
                    .collect(Collectors.toSet());

            Document plan = winningPlan(shape.collection(), query, sort, SEEK_LIMIT);

            assertThat(stageNames(plan)).as(plan.toJson()).doesNotContain("COLLSCAN");
            List<Document> scans = indexScans(plan);
            assertThat(scans).as("IXSCAN stages of %s", plan.toJson()).isNotEmpty();
            for (Document scan : scans) {
                assertThat(scan.getString("indexName")).as(plan.toJson()).isIn(modelled);
                assertBoundedByQueryStrings(scan, Collections.TENANT, plan);
            }
        }
    }

    /**
     * MongoDB may pick any of the indexes that start with the tenant id for these filters, so the
     * index that {@link IndexCoverage} names is not compared, only the tenant prefix.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.scimsync.store.resource.QueryShapes#unindexedFilters")
    void unindexedFilterScansTenantPrefix(FilterShape shape) {
        Document plan = winningPlan(shape.collection(), shape.query(), new Document(), 0);

        List<Document> scans = indexScans(plan);
        assertThat(scans).as("IXSCAN stages of %s", plan.toJson()).isNotEmpty();
        for (Document scan : scans) {
            Document keyPattern = scan.get("keyPattern", Document.class);
            assertThat(keyPattern.keySet().iterator().next()).as(plan.toJson())
                    .isEqualTo(Collections.TENANT);
            assertBoundedByQueryStrings(scan, Collections.TENANT, plan);
        }
    }

    static Stream<FilterShape> filtersServedByIndex() {
        return Stream.concat(QueryShapes.INDEXED_FILTERS.stream(),
                Stream.of(QueryShapes.ENTRA_EMAIL_LOOKUP));
    }

    /**
     * Returns the stage tree of the winning plan of a find.
     *
     * @param sort the sort document, or an empty one
     * @param limit the maximum number of documents, or 0 for no limit
     */
    private static Document winningPlan(String collection, Document query, Document sort,
            int limit) {
        Document explained = database.getCollection(collection).find(query).sort(sort)
                .limit(limit).explain(ExplainVerbosity.QUERY_PLANNER);
        Document winningPlan = explained.get("queryPlanner", Document.class)
                .get("winningPlan", Document.class);
        // The slot-based engine puts the stage tree under queryPlan, beside its slotBasedPlan.
        // The classic engine returns the tree itself.
        Document stageTree = winningPlan.get("queryPlan", Document.class);
        return stageTree != null ? stageTree : winningPlan;
    }

    /**
     * Returns every stage of a plan tree: a stage such as FETCH has one child in
     * {@code inputStage}, and OR or SORT_MERGE have several in {@code inputStages}.
     */
    private static List<Document> stages(Document stage) {
        List<Document> stages = new ArrayList<>();
        stages.add(stage);
        Document input = stage.get("inputStage", Document.class);
        if (input != null) {
            stages.addAll(stages(input));
        }
        for (Document each : stage.getList("inputStages", Document.class, List.of())) {
            stages.addAll(stages(each));
        }
        return stages;
    }

    private static List<String> stageNames(Document plan) {
        return stages(plan).stream().map(stage -> stage.getString("stage")).toList();
    }

    private static List<Document> indexScans(Document plan) {
        return stages(plan).stream().filter(stage -> "IXSCAN".equals(stage.getString("stage")))
                .toList();
    }

    /**
     * Asserts that the scan bounds {@code field} on both ends by strings of the query, such as
     * {@code ["t-1", "t-1"]} for an equality, or "ali" and "ali" followed by U+FFFF for a prefix.
     * MongoDB prints an unbounded key as {@code [MinKey, MaxKey]}, and a range bounded on one side
     * runs to {@code ""} or {@code {}}, the ends of the string type.
     */
    private static void assertBoundedByQueryStrings(Document scan, String field, Document plan) {
        List<String> intervals = scan.get("indexBounds", Document.class)
                .getList(field, String.class, List.of());
        assertThat(intervals).as("bounds of %s in %s", field, plan.toJson()).isNotEmpty();
        for (String interval : intervals) {
            assertThat(isBoundedByQueryStrings(interval))
                    .as("interval %s of %s in %s", interval, field, plan.toJson()).isTrue();
        }
    }

    /**
     * Returns whether both ends of an interval printed as {@code [start, end)} are non-empty
     * quoted strings. It splits at the first ", ", which no value of the shapes contains.
     */
    private static boolean isBoundedByQueryStrings(String interval) {
        if (interval.length() < 2) {
            return false;
        }
        String inside = interval.substring(1, interval.length() - 1);
        int separator = inside.indexOf(", ");
        if (separator < 0) {
            return false;
        }
        return isNonEmptyString(inside.substring(0, separator))
                && isNonEmptyString(inside.substring(separator + 2));
    }

    private static boolean isNonEmptyString(String bound) {
        return bound.length() > 2 && bound.startsWith("\"") && bound.endsWith("\"");
    }

    /**
     * Inserts users u-1 to u-{count} and groups g-1 to g-{count} into a tenant. User u-1 and group
     * g-1 match the filter shapes. The other names start with letters across the alphabet, so
     * that a cursor range at "m" splits them, and every tenth resource has no externalId, so
     * that the null branch of a range on it matches some.
     */
    private static void insertTenant(ResourceStore store, String tenantId, int count) {
        List<StoredResource> users = new ArrayList<>();
        List<StoredResource> groups = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            users.add(new StoredResource(tenantId, ResourceType.USER, "u-" + n, user(n), CREATED,
                    CREATED, 1, List.of()));
            groups.add(new StoredResource(tenantId, ResourceType.GROUP, "g-" + n, group(n),
                    CREATED, CREATED, 1, List.of()));
        }
        store.insertAll(users, new ChangePosition(0, 1));
        store.insertAll(groups, new ChangePosition(0, 2));
    }

    private static ObjectNode user(int n) {
        String userName = n == 1 ? "alice@x.example" : initial(n) + "user" + n + "@x.example";
        ObjectNode attributes = JSON.createObjectNode();
        attributes.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        attributes.put("userName", userName);
        if (n % 10 != 0) {
            attributes.put("externalId", "E-" + n);
        }
        ArrayNode emails = attributes.putArray("emails");
        emails.addObject().put("value", n == 1 ? "a@x.example" : userName).put("type", "work");
        emails.addObject().put("value", "home" + n + "@y.example").put("type", "home");
        return attributes;
    }

    private static ObjectNode group(int n) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        attributes.put("displayName", n == 1 ? "Sales" : initial(n) + " team " + n);
        if (n % 10 != 0) {
            attributes.put("externalId", "G-" + n);
        }
        return attributes;
    }

    private static char initial(int n) {
        return (char) ('a' + n % 26);
    }
}
