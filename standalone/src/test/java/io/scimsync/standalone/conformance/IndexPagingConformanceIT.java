package io.scimsync.standalone.conformance;

import static io.scimsync.standalone.conformance.ConformanceRequests.SEARCH_REQUEST_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.assertScimError;
import static io.scimsync.standalone.conformance.ConformanceRequests.createUser;
import static io.scimsync.standalone.conformance.ConformanceRequests.listUsers;
import static io.scimsync.standalone.conformance.ConformanceRequests.uniquePrefix;
import static io.scimsync.standalone.conformance.ConformanceRequests.valuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Index-based paging of RFC 7644 3.4.2.4 ({@code startIndex} and {@code count}) over five
 * users of one prefix, sorted by {@code userName} so that pages have a defined content, and
 * the ListResponse fields of RFC 7644 3.4.2 that describe a page.
 */
class IndexPagingConformanceIT {

    private static final int USERS = 5;

    private static StandaloneInstance standalone;
    private static ScimClient scim;
    private static String filter;
    private static List<String> userNames;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        scim = new ScimClient(standalone.scimUrl(),
                standalone.newTenantToken("paging-conformance").token());
        String prefix = uniquePrefix("paging");
        filter = "userName sw \"" + prefix + "\"";
        userNames = new ArrayList<>();
        for (int i = 1; i <= USERS; i++) {
            String userName = prefix + "." + i + "@example.com";
            createUser(scim, userName);
            userNames.add(userName);
        }
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4: startIndex and count select one page")
    void startIndexAndCountSelectPage() {
        JsonNode page = page("&startIndex=2&count=2");

        assertThat(valuesOf(page, "userName")).containsExactly(userNames.get(1), userNames.get(2));
        assertThat(page.path("totalResults").asInt()).isEqualTo(USERS);
        assertThat(page.path("startIndex").asInt()).isEqualTo(2);
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4: startIndex is 1-based and defaults to 1")
    void startIndexDefaultsToOne() {
        JsonNode page = page("&count=1");

        assertThat(valuesOf(page, "userName")).containsExactly(userNames.get(0));
        assertThat(page.path("startIndex").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4: a startIndex below 1 is taken as 1")
    void startIndexBelowOneIsOne() {
        JsonNode page = page("&startIndex=0&count=1");

        assertThat(valuesOf(page, "userName")).containsExactly(userNames.get(0));
        assertThat(page.path("startIndex").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4: count 0 returns no resources but totalResults")
    void countZeroReturnsTotalOnly() {
        JsonNode page = page("&count=0");

        assertThat(page.path("Resources").size()).isZero();
        assertThat(page.path("totalResults").asInt()).isEqualTo(USERS);
        assertThat(page.path("itemsPerPage").asInt()).isZero();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4: a negative count is taken as 0")
    void negativeCountIsZero() {
        JsonNode page = page("&count=-4");

        assertThat(page.path("Resources").size()).isZero();
        assertThat(page.path("totalResults").asInt()).isEqualTo(USERS);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4: a count beyond the results returns the rest")
    void countBeyondResultsReturnsRest() {
        JsonNode page = page("&startIndex=4&count=50");

        assertThat(valuesOf(page, "userName")).containsExactly(userNames.get(3), userNames.get(4));
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4: a startIndex past the end returns an empty page")
    void startIndexPastEndIsEmpty() {
        JsonNode page = page("&startIndex=" + (USERS + 10) + "&count=2");

        assertThat(page.path("Resources").size()).isZero();
        assertThat(page.path("totalResults").asInt()).isEqualTo(USERS);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4: consecutive pages cover every result once")
    void pagesCoverEveryResultOnce() {
        List<String> seen = new ArrayList<>();
        for (int startIndex = 1; startIndex <= USERS; startIndex += 2) {
            seen.addAll(valuesOf(page("&startIndex=" + startIndex + "&count=2"), "userName"));
        }

        assertThat(seen).containsExactlyElementsOf(userNames);
    }

    @Test
    @DisplayName("RFC 7644 3.4.3: startIndex and count in a search body")
    void pagingInSearchBody() {
        Response found = scim.post("/Users/.search", """
                {"schemas": ["%s"], "filter": "%s", "sortBy": "userName",
                 "startIndex": 3, "count": 2}
                """.formatted(SEARCH_REQUEST_SCHEMA, filter.replace("\"", "\\\"")));

        assertThat(found.status()).as("search: %s", found).isEqualTo(200);
        assertThat(valuesOf(found.json(), "userName"))
                .containsExactly(userNames.get(2), userNames.get(3));
        assertThat(found.json().path("startIndex").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4, 3.12: a count that is not an integer is a SCIM error")
    void nonIntegerCountIsError() {
        Response answer = scim.get("/Users?count=ten");

        assertThat(assertScimError(answer, 400).path("scimType").asString())
                .isEqualTo("invalidValue");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.4: a list without count is capped at maxResults")
    void listWithoutCountWithinMaxResults() {
        int maxResults = scim.get("/ServiceProviderConfig").json().path("filter")
                .path("maxResults").asInt();

        JsonNode page = page("");

        assertThat(page.path("itemsPerPage").asInt()).isLessThanOrEqualTo(maxResults);
        assertThat(page.path("Resources").size()).isEqualTo(USERS);
    }

    private static JsonNode page(String paging) {
        return listUsers(scim, filter, "&sortBy=userName" + paging);
    }
}
