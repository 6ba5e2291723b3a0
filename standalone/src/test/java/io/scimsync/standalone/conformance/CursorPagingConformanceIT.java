package io.scimsync.standalone.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cursor paging (RFC 9865), index paging (RFC 7644 §3.4.2.4) and the root search
 * (RFC 7644 §3.4.3) over HTTP against the standalone application, on a tenant of its own with
 * {@value #USERS} users and {@value #GROUPS} groups.
 */
class CursorPagingConformanceIT {

    private static final int USERS = 7;
    private static final int GROUPS = 3;
    private static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String SEARCH_REQUEST =
            "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static StandaloneInstance standalone;
    private static ScimClient scim;
    private static final List<String> userIds = new ArrayList<>();
    private static final List<String> groupIds = new ArrayList<>();

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        TenantCredentials tenant = standalone.newTenantToken("cursor-paging");
        scim = new ScimClient(standalone.scimUrl(), tenant.token());
        String[] names = {"delta", "alpha", "golf", "charlie", "echo", "bravo", "foxtrot"};
        for (int i = 0; i < USERS; i++) {
            userIds.add(create("/Users", """
                    {"schemas": ["%s"], "userName": "%s@x.example", "title": "%s",
                     "emails": [{"value": "%s@x.example", "type": "work"}]}
                    """.formatted(USER_SCHEMA, names[i], i % 2 == 0 ? "even" : "odd", names[i])));
        }
        for (int i = 0; i < GROUPS; i++) {
            groupIds.add(create("/Groups", """
                    {"schemas": ["%s"], "displayName": "Team %d"}
                    """.formatted(GROUP_SCHEMA, i)));
        }
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 9865 §2: an empty cursor starts a cursor listing without startIndex")
    void emptyCursorStartsListing() {
        Response first = scim.get("/Users?cursor&count=3");

        assertThat(first.status()).isEqualTo(200);
        JsonNode list = first.json();
        assertThat(list.path("schemas").path(0).asString()).isEqualTo(LIST_RESPONSE);
        assertThat(list.path("totalResults").asInt()).isEqualTo(USERS);
        assertThat(list.path("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(list.has("startIndex")).isFalse();
        assertThat(list.path("nextCursor").asString()).matches("[A-Za-z0-9_-]+");
        assertThat(list.has("previousCursor")).isFalse();
    }

    @Test
    @DisplayName("RFC 9865 §2: following nextCursor lists every user once and ends without one")
    void nextCursorWalksEveryUser() {
        List<JsonNode> pages = walk("/Users?count=3&cursor=");

        assertThat(pages).hasSize(3);
        assertThat(ids(pages)).containsExactlyInAnyOrderElementsOf(userIds);
        assertThat(ids(pages)).doesNotHaveDuplicates();
        assertThat(pages.get(2).has("nextCursor")).isFalse();
    }

    @Test
    @DisplayName("RFC 9865 §2: previousCursor returns the page before, and the first page has none")
    void previousCursorReturnsPageBefore() {
        JsonNode first = scim.get("/Users?cursor=&count=2").json();
        JsonNode second = scim.get("/Users?count=2&cursor=" + first.path("nextCursor").asString())
                .json();

        JsonNode back = scim.get("/Users?count=2&cursor="
                + second.path("previousCursor").asString()).json();

        assertThat(ids(List.of(back))).containsExactlyElementsOf(ids(List.of(first)));
        assertThat(back.has("previousCursor")).isFalse();
        assertThat(back.path("nextCursor").asString()).isNotEmpty();
    }

    @Test
    @DisplayName("RFC 9865 §2.1: a changed cursor is rejected with invalidCursor")
    void tamperedCursorIsInvalidCursor() {
        String cursor = scim.get("/Users?cursor&count=2").json().path("nextCursor").asString();
        int middle = cursor.length() / 2;
        char replacement = cursor.charAt(middle) == 'A' ? 'B' : 'A';
        String tampered = cursor.substring(0, middle) + replacement + cursor.substring(middle + 1);

        Response rejected = scim.get("/Users?count=2&cursor=" + tampered);

        assertScimError(rejected, "invalidCursor");
    }

    @Test
    @DisplayName("RFC 9865 §2.1: a cursor that is not Base64url is rejected with invalidCursor")
    void malformedCursorIsInvalidCursor() {
        assertScimError(scim.get("/Users?cursor=not*a*cursor"), "invalidCursor");
    }

    @Test
    @DisplayName("RFC 9865 §2: a cursor of another filter is rejected with invalidCursor")
    void cursorOfOtherQueryIsInvalidCursor() {
        String cursor = scim.get("/Users?cursor&count=2").json().path("nextCursor").asString();

        Response rejected = scim.get("/Users?count=2&cursor=" + cursor + "&"
                + ScimClient.filterQuery("title eq \"odd\""));

        assertScimError(rejected, "invalidCursor");
    }

    @Test
    @DisplayName("RFC 9865 §2: a cursor of /Users is rejected at /Groups")
    void userCursorIsRejectedForGroups() {
        String cursor = scim.get("/Users?cursor&count=2").json().path("nextCursor").asString();

        assertScimError(scim.get("/Groups?count=2&cursor=" + cursor), "invalidCursor");
    }

    @Test
    @DisplayName("RFC 9865 §2.4: cursor and startIndex in one request are rejected")
    void cursorWithStartIndexIsRejected() {
        assertScimError(scim.get("/Users?cursor=&startIndex=1"), "invalidValue");
    }

    @Test
    @DisplayName("RFC 9865 §2.2: cursor pages follow sortBy and sortOrder")
    void cursorPagesFollowSortOrder() {
        List<JsonNode> pages = walk("/Users?sortBy=userName&sortOrder=descending&count=2&cursor");

        List<String> expected = new ArrayList<>(List.of("alpha", "bravo", "charlie", "delta",
                "echo", "foxtrot", "golf"));
        Collections.reverse(expected);
        assertThat(userNames(pages)).containsExactlyElementsOf(expected.stream()
                .map(name -> name + "@x.example").toList());
    }

    @Test
    @DisplayName("RFC 9865 §2.2: cursor pages sorted by a repeated value list every user once")
    void cursorPagesWithTiesListEveryUser() {
        List<JsonNode> pages = walk("/Users?sortBy=title&count=3&cursor");

        assertThat(ids(pages)).containsExactlyInAnyOrderElementsOf(userIds);
        assertThat(ids(pages)).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("RFC 9865 §2.2: sortBy on a multi-valued attribute is rejected with a cursor")
    void multiValuedSortByIsRejectedWithCursor() {
        assertScimError(scim.get("/Users?sortBy=emails.value&cursor"), "invalidValue");
    }

    @Test
    @DisplayName("RFC 9865 §2: count=0 returns totalResults only")
    void zeroCountReturnsTotalOnly() {
        JsonNode list = scim.get("/Users?cursor&count=0").json();

        assertThat(list.path("totalResults").asInt()).isEqualTo(USERS);
        assertThat(list.path("itemsPerPage").asInt()).isZero();
        assertThat(list.has("nextCursor")).isFalse();
    }

    @Test
    @DisplayName("RFC 9865 §3: POST /Users/.search pages with a cursor in the body")
    void searchBodyPagesWithCursor() {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = "";
        do {
            Response page = scim.post("/Users/.search", """
                    {"schemas": ["%s"], "filter": "title eq \\"even\\"", "count": 2,
                     "cursor": "%s"}
                    """.formatted(SEARCH_REQUEST, cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages.add(page.json());
            cursor = page.json().path("nextCursor").asString("");
        } while (!cursor.isEmpty() && pages.size() <= USERS);

        assertThat(ids(pages)).containsExactlyInAnyOrder(
                userIds.get(0), userIds.get(2), userIds.get(4), userIds.get(6));
    }

    @Test
    @DisplayName("RFC 9865 §2: GET /Groups pages with a cursor")
    void groupsPageWithCursor() {
        List<JsonNode> pages = walk("/Groups?count=2&cursor=");

        assertThat(ids(pages)).containsExactlyInAnyOrderElementsOf(groupIds);
        assertThat(pages).hasSize(2);
    }

    @Test
    @DisplayName("RFC 9865 §4: ServiceProviderConfig advertises both paging methods")
    void serviceProviderConfigAdvertisesPagination() {
        JsonNode pagination = scim.get("/ServiceProviderConfig").json().path("pagination");

        assertThat(pagination.path("cursor").asBoolean()).isTrue();
        assertThat(pagination.path("index").asBoolean()).isTrue();
        assertThat(pagination.path("defaultPaginationMethod").asString()).isEqualTo("index");
        assertThat(pagination.path("defaultPageSize").asInt()).isEqualTo(100);
        assertThat(pagination.path("maxPageSize").asInt()).isEqualTo(200);
        assertThat(pagination.has("cursorTimeout")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 §3.4.2.4: index paging without cursor keeps startIndex")
    void indexPagingKeepsStartIndex() {
        JsonNode list = scim.get("/Users?startIndex=3&count=2").json();

        assertThat(list.path("startIndex").asInt()).isEqualTo(3);
        assertThat(list.path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(list.has("nextCursor")).isFalse();
    }

    @Test
    @DisplayName("RFC 7644 §3.4.3: root search lists users and groups with their own schemas")
    void rootSearchListsBothTypes() {
        JsonNode list = rootSearch("\"count\": 50").json();

        assertThat(list.path("totalResults").asInt()).isEqualTo(USERS + GROUPS);
        assertThat(ids(List.of(list))).containsExactlyInAnyOrderElementsOf(allIds());
        for (JsonNode resource : list.path("Resources")) {
            String type = resource.path("meta").path("resourceType").asString();
            String schema = type.equals("User") ? USER_SCHEMA : GROUP_SCHEMA;
            assertThat(resource.path("schemas").path(0).asString()).as(type).isEqualTo(schema);
        }
    }

    @Test
    @DisplayName("RFC 7644 §3.4.3: root search index pages cross from users to groups")
    void rootSearchIndexPagesCrossTypes() {
        List<String> listed = new ArrayList<>();
        for (int start = 1; start <= USERS + GROUPS; start += 3) {
            JsonNode page = rootSearch("\"startIndex\": " + start + ", \"count\": 3").json();
            assertThat(page.path("startIndex").asInt()).isEqualTo(start);
            listed.addAll(ids(List.of(page)));
        }

        assertThat(listed).containsExactlyInAnyOrderElementsOf(allIds());
        assertThat(listed).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("RFC 7644 §3.4.3 with RFC 9865 §3: root search cursor pages cross types")
    void rootSearchCursorPagesCrossTypes() {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = rootSearch("\"count\": 4, \"cursor\": \"" + cursor + "\"").json();
            pages.add(page);
            cursor = page.path("nextCursor").asString("");
        } while (!cursor.isEmpty() && pages.size() <= USERS + GROUPS);

        assertThat(pages).hasSize(3);
        assertThat(ids(pages)).containsExactlyInAnyOrderElementsOf(allIds());
        assertThat(ids(pages)).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("RFC 7644 §3.4.3: root search filter on a user attribute finds only users")
    void rootSearchFilterOnUserAttribute() {
        JsonNode list = rootSearch("\"filter\": \"userName sw \\\"a\\\"\"").json();

        assertThat(ids(List.of(list))).containsExactly(userIds.get(1));
    }

    @Test
    @DisplayName("RFC 7644 §3.4.3: root search rejects sortBy")
    void rootSearchRejectsSortBy() {
        assertScimError(rootSearch("\"sortBy\": \"id\""), "invalidValue");
    }

    @Test
    @DisplayName("RFC 7644 §3.4.2.2: co and ew match literally over HTTP")
    void containsAndEndsWithMatchLiterally() {
        JsonNode contains = scim.get("/Users?" + ScimClient.filterQuery("userName co \"HO@\""))
                .json();
        JsonNode endsWith = scim.get("/Users?" + ScimClient.filterQuery("userName ew \"o.example\""))
                .json();

        assertThat(ids(List.of(contains))).containsExactly(userIds.get(4));
        assertThat(endsWith.path("totalResults").asInt()).isZero();
    }

    private static Response rootSearch(String members) {
        return scim.post("/.search", "{\"schemas\": [\"" + SEARCH_REQUEST + "\"], " + members + "}");
    }

    private static List<JsonNode> walk(String firstPage) {
        List<JsonNode> pages = new ArrayList<>();
        Response page = scim.get(firstPage);
        while (true) {
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages.add(page.json());
            String next = page.json().path("nextCursor").asString("");
            if (next.isEmpty() || pages.size() > USERS + GROUPS) {
                return pages;
            }
            String withoutCursor = firstPage.replaceAll("[?&]cursor=?[^&]*", "");
            String separator = withoutCursor.contains("?") ? "&" : "?";
            page = scim.get(withoutCursor + separator + "cursor="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
    }

    private static List<String> ids(List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.path("Resources")
                .forEach(resource -> ids.add(resource.path("id").asString())));
        return ids;
    }

    private static List<String> userNames(List<JsonNode> pages) {
        List<String> names = new ArrayList<>();
        pages.forEach(page -> page.path("Resources")
                .forEach(resource -> names.add(resource.path("userName").asString())));
        return names;
    }

    private static List<String> allIds() {
        List<String> all = new ArrayList<>(userIds);
        all.addAll(groupIds);
        return all;
    }

    private static String create(String path, String body) {
        Response created = scim.post(path, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static void assertScimError(Response response, String scimType) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        JsonNode error = response.json();
        assertThat(error.path("status").asString()).isEqualTo("400");
        assertThat(error.path("scimType").asString()).isEqualTo(scimType);
        assertThat(error.path("detail").asString()).isNotBlank();
    }
}
