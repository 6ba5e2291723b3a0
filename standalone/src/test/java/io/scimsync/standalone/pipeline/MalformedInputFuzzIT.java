package io.scimsync.standalone.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.pipeline.MalformedInputs.Body;
import io.scimsync.standalone.pipeline.MalformedInputs.Parameter;
import io.scimsync.standalone.pipeline.MalformedInputs.Text;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded random malformed input against the SCIM API of one standalone instance: mutated
 * request bodies, filters, list parameters and resource ids, about 2,000 requests in all.
 * Filters and list parameters go in the query string of a GET and, for one request in four, in
 * the body of a {@code POST .search}, which no URL length limit bounds.
 *
 * <p>Every response must keep the error contract: a 2xx, or a 4xx whose {@code Content-Type} is
 * {@code application/scim+json} and whose body is a SCIM error (RFC 7644 §3.12) with
 * {@code status} equal to the HTTP status and a non-blank {@code detail}. Each test collects
 * every violation and fails once with all of them, naming the seed. A rejected write must
 * store nothing: the number of users and groups grows only by the creates that got 201, and
 * the fixture user and group keep their version unless a PUT or PATCH on them got a 2xx.
 *
 * <p>The seed is fixed so that a failure repeats; {@code -Dscimsync.fuzz.seed=<long>} runs
 * another sequence. The tests that only read run before the body test, which stores users and
 * groups, so that each test meets the same data on every run of a seed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedInputFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(MalformedInputFuzzIT.class);

    private static final long SEED = Long.getLong("scimsync.fuzz.seed", 7_644L);
    private static final int BODY_REQUESTS = 1_080;
    private static final int FILTER_REQUESTS = 400;
    private static final int LIST_QUERY_REQUESTS = 250;
    private static final int ID_REQUESTS = 300;
    /** Time one test may take, so that hanging requests fail it instead of stalling the build. */
    private static final Duration TIME_BUDGET = Duration.ofMinutes(2);
    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final int EXCERPT_CHARS = 200;
    private static final int MAX_CONSECUTIVE_FAILURES = 5;

    private static StandaloneInstance standalone;
    private static String token;
    private static ScimClient scim;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A user and a group that the body test writes to, and a user that both refer to. */
    private static String userId;
    private static String groupId;
    private static String memberId;

    /** The writes of the body test, in the order they take turns. */
    private enum BodyTarget {
        CREATE_USER("POST", "/Users"),
        CREATE_GROUP("POST", "/Groups"),
        REPLACE_USER("PUT", "/Users/{id}"),
        REPLACE_GROUP("PUT", "/Groups/{id}"),
        PATCH_USER("PATCH", "/Users/{id}"),
        PATCH_GROUP("PATCH", "/Groups/{id}");

        final String method;
        final String path;

        BodyTarget(String method, String path) {
            this.method = method;
            this.path = path;
        }

        boolean isUser() {
            return path.startsWith("/Users");
        }

        String label() {
            return method + " " + path;
        }
    }

    /**
     * One fuzz request.
     *
     * @param kind the method and endpoint, such as {@code POST /Users}
     * @param variant how the input was generated, such as {@code TRUNCATION}
     * @param description what was changed or generated, for a failure message
     * @param body the body as sent, or null for none
     */
    private record FuzzRequest(String kind, String variant, String description, String method,
            String path, byte[] body) {
    }

    /**
     * What the body test and the id test compare before and after.
     *
     * @param users {@code totalResults} of {@code GET /Users?count=0}
     * @param userVersion {@code meta.version} of the fixture user
     */
    private record StoreState(int users, int groups, String userVersion, String groupVersion) {
    }

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        TenantCredentials tenant = standalone.newTenantToken("fuzz");
        token = tenant.token();
        scim = new ScimClient(standalone.scimUrl(), token);
        MalformedInputs fixtures = new MalformedInputs(new Random(SEED));
        memberId = create("/Users", ScimRequests.user(fixtures.freshName() + "@contoso.example"));
        userId = create("/Users", fixtures.user(memberId).toString());
        groupId = create("/Groups", fixtures.group(memberId).toString());
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @Order(1)
    void filtersKeepErrorContract() {
        MalformedInputs inputs = new MalformedInputs(new Random(SEED + 1));
        Campaign campaign = new Campaign("filters");
        for (int i = 0; i < FILTER_REQUESTS && campaign.shouldContinue(); i++) {
            String endpoint = i % 2 == 0 ? "/Users" : "/Groups";
            Text filter = inputs.filter();
            String description = "filter " + quote(filter.value());
            if (!isSearchTurn(i)) {
                campaign.send(new FuzzRequest("GET " + endpoint + "?filter", filter.variant(),
                        description, "GET",
                        endpoint + "?" + ScimClient.filterQuery(filter.value()), null));
            } else {
                ObjectNode search = inputs.searchRequest(
                        List.of(new Parameter("filter", filter.value())));
                campaign.send(new FuzzRequest("POST " + endpoint + "/.search filter",
                        filter.variant(), description, "POST", endpoint + "/.search",
                        utf8Bytes(search)));
            }
        }

        campaign.assertNoViolations(FILTER_REQUESTS);
    }

    @Test
    @Order(2)
    void listParametersKeepErrorContract() {
        MalformedInputs inputs = new MalformedInputs(new Random(SEED + 2));
        Campaign campaign = new Campaign("list parameters");
        for (int i = 0; i < LIST_QUERY_REQUESTS && campaign.shouldContinue(); i++) {
            String endpoint = i % 2 == 0 ? "/Users" : "/Groups";
            List<Parameter> parameters = inputs.listParameters();
            String variant = parameters.size() + " parameters";
            if (!isSearchTurn(i)) {
                String query = MalformedInputs.queryString(parameters);
                campaign.send(new FuzzRequest("GET " + endpoint + "?query", variant,
                        "query " + query, "GET", endpoint + "?" + query, null));
            } else {
                ObjectNode search = inputs.searchRequest(parameters);
                campaign.send(new FuzzRequest("POST " + endpoint + "/.search", variant,
                        "search " + search, "POST", endpoint + "/.search", utf8Bytes(search)));
            }
        }

        campaign.assertNoViolations(LIST_QUERY_REQUESTS);
    }

    @Test
    @Order(3)
    void idsKeepErrorContractAndStoreNothing() {
        MalformedInputs inputs = new MalformedInputs(new Random(SEED + 3));
        Campaign campaign = new Campaign("ids");
        StoreState before = storeState();
        List<String> methods = List.of("GET", "GET", "PUT", "PATCH", "DELETE");
        for (int i = 0; i < ID_REQUESTS && campaign.shouldContinue(); i++) {
            boolean users = i % 2 == 0;
            String endpoint = users ? "/Users" : "/Groups";
            String method = methods.get((i / 2) % methods.size());
            Text id = inputs.idSegment();
            byte[] body = idRequestBody(inputs, method, users);
            campaign.send(new FuzzRequest(method + " " + endpoint + "/{id}", id.variant(),
                    "id " + id.value(), method, endpoint + "/" + id.value(), body));
        }

        campaign.checkStoreState(before, storeState());
        campaign.assertNoViolations(ID_REQUESTS);
    }

    @Test
    @Order(4)
    void bodiesKeepErrorContractAndStoreNothing() {
        MalformedInputs inputs = new MalformedInputs(new Random(SEED + 4));
        Campaign campaign = new Campaign("bodies");
        StoreState before = storeState();
        int createdUsers = 0;
        int createdGroups = 0;
        String userVersion = before.userVersion();
        String groupVersion = before.groupVersion();
        for (int i = 0; i < BODY_REQUESTS && campaign.shouldContinue(); i++) {
            BodyTarget target = BodyTarget.values()[i % BodyTarget.values().length];
            Body body = inputs.mutate(validBody(inputs, target),
                    target.method.equals("PATCH"), memberId);
            Response response = campaign.send(new FuzzRequest(target.label(),
                    body.mutation().name(), body.description(), target.method,
                    target.path.replace("{id}", target.isUser() ? userId : groupId),
                    body.bytes()));
            if (response == null || response.status() / 100 != 2) {
                continue;
            }
            switch (target) {
                case CREATE_USER -> createdUsers += response.status() == 201 ? 1 : 0;
                case CREATE_GROUP -> createdGroups += response.status() == 201 ? 1 : 0;
                case REPLACE_USER, PATCH_USER -> userVersion = version("/Users/" + userId);
                case REPLACE_GROUP, PATCH_GROUP -> groupVersion = version("/Groups/" + groupId);
            }
        }

        StoreState expected = new StoreState(before.users() + createdUsers,
                before.groups() + createdGroups, userVersion, groupVersion);
        campaign.checkStoreState(expected, storeState());
        campaign.assertNoViolations(BODY_REQUESTS);
    }

    /**
     * Returns true for every fourth pair of requests. The requests of a pair go to /Users and
     * /Groups, so both endpoints get search bodies.
     */
    private static boolean isSearchTurn(int request) {
        return (request / 2) % 4 == 3;
    }

    private static ObjectNode validBody(MalformedInputs inputs, BodyTarget target) {
        return switch (target) {
            case CREATE_USER, REPLACE_USER -> inputs.user(memberId);
            case CREATE_GROUP, REPLACE_GROUP -> inputs.group(memberId);
            case PATCH_USER -> inputs.userPatch();
            case PATCH_GROUP -> inputs.groupPatch(memberId);
        };
    }

    /** Returns a valid body for PUT and PATCH, so that only the id is wrong, or null. */
    private static byte[] idRequestBody(MalformedInputs inputs, String method, boolean users) {
        ObjectNode body = switch (method) {
            case "PUT" -> users ? inputs.user(memberId) : inputs.group(memberId);
            case "PATCH" -> users ? inputs.userPatch() : inputs.groupPatch(memberId);
            default -> null;
        };
        return body == null ? null : utf8Bytes(body);
    }

    private static byte[] utf8Bytes(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String create(String endpoint, String body) {
        Response created = scim.post(endpoint, body);
        assertThat(created.status()).as("fixture %s: %s", endpoint, created).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static StoreState storeState() {
        return new StoreState(count("/Users"), count("/Groups"), version("/Users/" + userId),
                version("/Groups/" + groupId));
    }

    private static int count(String endpoint) {
        Response page = scim.get(endpoint + "?count=0");
        assertThat(page.status()).as("count of %s: %s", endpoint, page).isEqualTo(200);
        return page.json().path("totalResults").asInt();
    }

    private static String version(String path) {
        Response read = scim.get(path);
        assertThat(read.status()).as("read of %s: %s", path, excerpt(read.body()))
                .isEqualTo(200);
        return read.json().path("meta").path("version").asString();
    }

    /**
     * Sends a body as raw bytes with the headers {@link ScimClient} sends, because that client
     * sends text and some bodies are not UTF-8.
     */
    private static Response sendBytes(FuzzRequest request) {
        URI uri = URI.create(standalone.scimUrl() + request.path());
        HttpRequest http = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/scim+json")
                .header("Content-Type", "application/scim+json; charset=utf-8")
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(http, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + http.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method(), e);
        }
    }

    /** Returns what is wrong with {@code response} under the error contract, or an empty list. */
    private static List<String> contractProblems(Response response) {
        int status = response.status();
        if (status / 100 == 2) {
            return List.of();
        }
        if (status / 100 != 4) {
            return List.of("status " + status + " is neither 2xx nor 4xx");
        }
        List<String> problems = new ArrayList<>();
        String contentType = response.header("Content-Type").orElse("");
        if (!contentType.startsWith("application/scim+json")) {
            problems.add("Content-Type is '" + contentType + "'");
        }
        JsonNode body = response.json();
        if (body == null || !body.isObject()) {
            problems.add("body is not a JSON object");
            return problems;
        }
        JsonNode schemas = body.path("schemas");
        boolean onlyError = schemas.isArray() && schemas.size() == 1
                && SCIM_ERROR.equals(schemas.get(0).asString());
        if (!onlyError) {
            problems.add("schemas is " + schemas + ", expected [\"" + SCIM_ERROR + "\"]");
        }
        JsonNode statusMember = body.path("status");
        if (!statusMember.isString() || !statusMember.asString().equals(Integer.toString(status))) {
            problems.add("status member is " + statusMember + ", expected \"" + status + "\"");
        }
        if (!body.path("detail").isString() || body.path("detail").asString().isBlank()) {
            problems.add("detail is " + body.path("detail"));
        }
        return problems;
    }

    /** Returns {@code bytes} as text, printable ASCII as it is and every other byte as \xNN. */
    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length && text.length() < EXCERPT_CHARS; i++) {
            int value = bytes[i] & 0xFF;
            if (value >= 0x20 && value < 0x7F) {
                text.append((char) value);
            } else {
                text.append(String.format("\\x%02X", value));
            }
        }
        if (bytes.length > EXCERPT_CHARS) {
            text.append("... (").append(bytes.length).append(" bytes)");
        }
        return text.toString();
    }

    private static String excerpt(String text) {
        return printable(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }

    /** The requests of one test: sends them, counts their statuses and collects violations. */
    private static final class Campaign {

        private final String name;
        private final long startNanos = System.nanoTime();
        private final Map<String, Map<Integer, Integer>> statusesByKind = new TreeMap<>();
        private final Map<String, Integer> requestsByVariant = new TreeMap<>();
        private final List<String> violations = new ArrayList<>();
        private int sent;
        private int consecutiveFailures;
        private String stopReason;

        Campaign(String name) {
            this.name = name;
        }

        /**
         * Returns false once the time budget is spent, or once {@code MAX_CONSECUTIVE_FAILURES}
         * requests in a row got a 5xx or no response, because the service is then down and the
         * remaining requests would only repeat that.
         */
        boolean shouldContinue() {
            if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                stopReason = "the last " + consecutiveFailures
                        + " requests got a 5xx or no response";
            } else if (elapsed().compareTo(TIME_BUDGET) >= 0) {
                stopReason = "the time budget of " + TIME_BUDGET.toSeconds() + " s ran out";
            }
            return stopReason == null;
        }

        /** Sends {@code request} and returns the response, or null when none arrived. */
        Response send(FuzzRequest request) {
            sent++;
            requestsByVariant.merge(request.kind() + " " + request.variant(), 1, Integer::sum);
            Response response;
            try {
                response = request.body() == null
                        ? scim.send(request.method(), request.path(), null, Map.of())
                        : sendBytes(request);
            } catch (UncheckedIOException e) {
                count(request.kind(), 0);
                consecutiveFailures++;
                violations.add(describe(request, "no response: " + e.getCause(), null));
                return null;
            }
            count(request.kind(), response.status());
            consecutiveFailures = response.status() >= 500 ? consecutiveFailures + 1 : 0;
            List<String> problems = contractProblems(response);
            if (!problems.isEmpty()) {
                violations.add(describe(request, String.join("; ", problems), response));
            }
            return response;
        }

        private void count(String kind, int status) {
            statusesByKind.computeIfAbsent(kind, unused -> new TreeMap<>())
                    .merge(status, 1, Integer::sum);
        }

        void checkStoreState(StoreState expected, StoreState actual) {
            if (!expected.equals(actual)) {
                violations.add("stored state is " + actual + ", expected " + expected
                        + " from the responses");
            }
        }

        /** Fails with every violation, and when the requests stopped before {@code planned}. */
        void assertNoViolations(int planned) {
            log.info("Fuzz {} (seed {}): {} requests in {} s; statuses by kind {}; requests by"
                    + " variant {}", name, SEED, sent, elapsed().toSeconds(), statusesByKind,
                    requestsByVariant);
            if (sent < planned) {
                violations.add("stopped after " + sent + " of " + planned + " requests: "
                        + stopReason);
            }
            assertThat(String.join("\n", violations))
                    .as("%s: %d violations of the error contract in %d requests, seed %d",
                            name, violations.size(), sent, SEED)
                    .isEmpty();
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }

        private static String describe(FuzzRequest request, String problem, Response response) {
            String input = request.method() + " " + excerpt(request.path()) + " ["
                    + request.variant() + ": " + excerpt(request.description()) + "]";
            if (request.body() != null) {
                input += " body " + printable(request.body());
            }
            String outcome = response == null ? " none" : " " + response.status() + " "
                    + excerpt(response.body());
            return "- " + request.kind() + ": " + problem + "\n    input " + input
                    + "\n    response" + outcome;
        }
    }
}
