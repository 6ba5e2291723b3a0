package io.scimsync.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.filters.Filter;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.filter.ScimFilters;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.store.StoreDurability;
import io.scimsync.store.filter.FilterQueryTranslator;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.resource.Collections;
import io.scimsync.store.resource.IndexCoverage;
import io.scimsync.store.resource.MembershipStore;
import io.scimsync.store.resource.PagePosition;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.SortOrder;
import io.scimsync.store.resource.StoredResource;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Times the queries Entra and other clients make against a tenant of
 * {@code scimsync.benchmark.users} users (100,000 by default) on the standalone application, over
 * HTTP on loopback. The tenant is loaded straight into the embedded store with the store's own
 * bulk writes ({@link ResourceStore#insertAll}, {@link MembershipStore#add}), not through the
 * change pipeline, so loading takes about a minute rather than hours, and then made durable as
 * the processor does after each batch.
 *
 * <p>For each query it prints p50 and p99 latency, their ratio to the baseline
 * {@code GET /Users/{id}}, and the index that a real MongoDB can use for the store query
 * ({@link IndexCoverage}; the embedded store itself uses only unique indexes and otherwise scans).
 * It asserts only that each request succeeds: it is a benchmark, not a test, and runs only with
 * {@code -Dit.test=QueryTimingsBenchmark}, a name the default build does not run (see README.md).
 * The report is also written to {@code target/benchmark/query-timings.md}.
 */
class QueryTimingsBenchmark {

    private static final int USERS = Integer.getInteger("scimsync.benchmark.users", 100_000);
    private static final int GROUPS = 50;
    private static final int MEMBERS_PER_GROUP = 400;
    private static final int PAGE_SIZE = 200;
    private static final int DEEP_PAGE = Math.min(
            Integer.getInteger("scimsync.benchmark.deep-page", 500), USERS / PAGE_SIZE);
    private static final int BATCH = 1_000;
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static StandaloneInstance standalone;
    private static ScimClient scim;
    private static String tenantId;
    private static final List<String> userIds = new ArrayList<>();
    private static final Random random = new Random(42);
    private static final Path REPORT = Path.of("target", "benchmark", "query-timings.md");

    @BeforeAll
    static void start() throws IOException {
        Files.deleteIfExists(REPORT);
        standalone = StandaloneInstance.start();
        TenantCredentials tenant = standalone.newTenantToken("benchmark");
        tenantId = tenant.tenantId();
        scim = new ScimClient(standalone.scimUrl(), tenant.token());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void timeQueries() {
        long loadStart = System.nanoTime();
        loadUsers();
        line("Loaded %,d users in %.1f s", USERS, seconds(System.nanoTime() - loadStart));
        long groupsStart = System.nanoTime();
        loadGroups();
        bean(StoreDurability.class).flush();
        line("Loaded %d groups of up to %d members in %.1f s", GROUPS, MEMBERS_PER_GROUP,
                seconds(System.nanoTime() - groupsStart));

        warmUp();
        Timing baseline = time("GET /Users/{id}", 300, i -> "/Users/" + anyUser(),
                index(ResourceType.USER, new Document(Collections.ID, "t/u"), new Document()));
        line("");
        line("| query | samples | p50 ms | p99 ms | p50 / baseline | p99 / baseline"
                + " | index on a real MongoDB |");
        line("|---|---|---|---|---|---|---|");
        row(baseline, baseline);
        row(timeFilter("userName eq", ResourceType.USER, 300,
                i -> "userName eq \"" + userName(random.nextInt(USERS)) + "\""), baseline);
        row(timeFilter("externalId eq", ResourceType.USER, 20,
                i -> "externalId eq \"" + externalId(random.nextInt(USERS)) + "\""), baseline);
        row(timeFilter("emails.value sw", ResourceType.USER, 20,
                i -> "emails.value sw \"" + userName(random.nextInt(USERS)).substring(0, 10) + "\""),
                baseline);
        row(timeGroupsOfUser(), baseline);
        row(timeDeepCursorPage(), baseline);
        row(timeDeepIndexPage(), baseline);
    }

    private static void loadUsers() {
        ResourceStore store = bean(ResourceStore.class);
        List<StoredResource> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < USERS; i++) {
            StoredResource user = user(i);
            userIds.add(user.id());
            batch.add(user);
            if (batch.size() == BATCH) {
                store.insertAll(batch, new ChangePosition(0, i));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.insertAll(batch, new ChangePosition(0, USERS));
        }
    }

    private static void loadGroups() {
        ResourceStore store = bean(ResourceStore.class);
        MembershipStore memberships = bean(MembershipStore.class);
        List<StoredResource> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            ObjectNode attributes = JSON.createObjectNode();
            attributes.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
            attributes.put("displayName", "Benchmark group " + g);
            groups.add(new StoredResource(tenantId, ResourceType.GROUP, uuid("g" + g), attributes,
                    CREATED, CREATED, 1, List.of()));
        }
        store.insertAll(groups, new ChangePosition(0, USERS + 1L));
        for (int g = 0; g < GROUPS; g++) {
            Map<String, ResourceType> members = new LinkedHashMap<>();
            for (int m = 0; m < MEMBERS_PER_GROUP && g * MEMBERS_PER_GROUP + m < USERS; m++) {
                members.put(userIds.get(g * MEMBERS_PER_GROUP + m), ResourceType.USER);
            }
            memberships.add(tenantId, groups.get(g).id(), members);
        }
    }

    private static Timing timeFilter(String name, ResourceType type, int samples,
            IntFunction<String> filter) {
        String example = filter.apply(0);
        return time(name, samples, i -> type.endpoint() + "?" + ScimClient.filterQuery(
                filter.apply(i)), index(type, storeQuery(type, example), new Document()));
    }

    private static Timing timeGroupsOfUser() {
        String example = "members.value eq \"" + userIds.get(0) + "\"";
        return time("groups of a user (members.value eq)", 300,
                i -> "/Groups?excludedAttributes=members&" + ScimClient.filterQuery(
                        "members.value eq \"" + userIds.get(random.nextInt(
                                Math.min(USERS, GROUPS * MEMBERS_PER_GROUP))) + "\""),
                index(ResourceType.GROUP, storeQuery(ResourceType.GROUP, example), new Document()));
    }

    /**
     * Walks the cursor listing to page {@value #DEEP_PAGE}, printing the latency of every hundred
     * pages on the way, then times that page.
     */
    private static Timing timeDeepCursorPage() {
        long walkStart = System.nanoTime();
        String cursor = "";
        long[] block = new long[100];
        for (int page = 1; page < DEEP_PAGE; page++) {
            long start = System.nanoTime();
            cursor = get("/Users?count=" + PAGE_SIZE + "&cursor=" + encode(cursor))
                    .json().path("nextCursor").asString();
            block[(page - 1) % block.length] = System.nanoTime() - start;
            if (page % block.length == 0) {
                long[] sorted = block.clone();
                java.util.Arrays.sort(sorted);
                line("Cursor pages %d to %d: p50 %.0f ms, p99 %.0f ms (walk so far %.0f s)",
                        page - block.length + 1, page, percentile(sorted, 0.5),
                        percentile(sorted, 0.99), seconds(System.nanoTime() - walkStart));
            }
        }
        line("Walked %d cursor pages of %d in %.1f s", DEEP_PAGE - 1, PAGE_SIZE,
                seconds(System.nanoTime() - walkStart));
        String deep = "/Users?count=" + PAGE_SIZE + "&cursor=" + encode(cursor);
        Document range = ResourceStore.seekCondition(storeQuery(ResourceType.USER, null),
                SortOrder.BY_ID, new PagePosition(null, "u"), false);
        return time("cursor page " + DEEP_PAGE + " of " + PAGE_SIZE, 10, i -> deep,
                index(ResourceType.USER, range, SortOrder.BY_ID.toSort()));
    }

    private static Timing timeDeepIndexPage() {
        int startIndex = (DEEP_PAGE - 1) * PAGE_SIZE + 1;
        return time("index page " + DEEP_PAGE + " of " + PAGE_SIZE + " (startIndex " + startIndex
                + ")", 10, i -> "/Users?count=" + PAGE_SIZE + "&startIndex=" + startIndex,
                index(ResourceType.USER, storeQuery(ResourceType.USER, null),
                        SortOrder.BY_ID.toSort()) + ", then a skip");
    }

    /** Sends unmeasured requests of every kind, so that the JIT has compiled the paths. */
    private static void warmUp() {
        for (int i = 0; i < 50; i++) {
            get("/Users/" + anyUser());
            get("/Users?" + ScimClient.filterQuery("userName eq \"" + userName(i) + "\""));
            get("/Groups?excludedAttributes=members&" + ScimClient.filterQuery(
                    "members.value eq \"" + anyUser() + "\""));
        }
    }

    /** Sends a few unmeasured requests, then {@code samples} measured ones. */
    private static Timing time(String name, int samples, IntFunction<String> path, String index) {
        for (int i = 0; i < Math.max(3, samples / 10); i++) {
            get(path.apply(i));
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            String request = path.apply(i);
            long start = System.nanoTime();
            get(request);
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        return new Timing(name, samples, percentile(nanos, 0.50), percentile(nanos, 0.99), index);
    }

    private static Response get(String path) {
        Response response = scim.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
        return response;
    }

    private static Document storeQuery(ResourceType type, String filter) {
        SchemaRegistry registry = bean(SchemaRegistry.class);
        Filter parsed = filter == null ? null : ScimFilters.parse(filter, type, registry);
        return bean(FilterQueryTranslator.class).toQuery(tenantId, type, parsed,
                (tenant, member) -> List.of(uuid("g0")));
    }

    private static String index(ResourceType type, Document query, Document sort) {
        return IndexCoverage.describe(Collections.of(type), query, sort);
    }

    private static StoredResource user(int i) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        attributes.put("userName", userName(i));
        attributes.put("externalId", externalId(i));
        attributes.put("active", true);
        attributes.put("displayName", "Benchmark User " + i);
        attributes.putObject("name").put("givenName", "Benchmark").put("familyName", "User " + i);
        attributes.putArray("emails").addObject().put("value", userName(i)).put("type", "work")
                .put("primary", true);
        return new StoredResource(tenantId, ResourceType.USER, uuid("u" + i), attributes,
                CREATED, CREATED, 1, List.of());
    }

    private static String userName(int i) {
        return String.format(Locale.ROOT, "user%06d@bench.example", i);
    }

    private static String externalId(int i) {
        return String.format(Locale.ROOT, "EXT-%06d", i);
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String anyUser() {
        return userIds.get(random.nextInt(userIds.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> T bean(Class<T> type) {
        return standalone.context().getBean(type);
    }

    private static double percentile(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0;
    }

    private static void row(Timing timing, Timing baseline) {
        line("| %s | %d | %.2f | %.2f | %.1f | %.1f | %s |", timing.name(), timing.samples(),
                timing.p50(), timing.p99(), timing.p50() / baseline.p50(),
                timing.p99() / baseline.p99(), timing.index());
    }

    /** Prints a line and appends it to the report file at once, so a stopped run keeps it. */
    private static void line(String format, Object... arguments) {
        String text = String.format(Locale.ROOT, format, arguments);
        System.out.println(text);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, text + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + REPORT, e);
        }
    }

    private record Timing(String name, int samples, double p50, double p99, String index) {
    }
}
