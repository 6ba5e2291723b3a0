package io.scimsync.standalone.conformance;

import static io.scimsync.standalone.conformance.ConformanceRequests.SEARCH_REQUEST_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.USER_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.assertScimType;
import static io.scimsync.standalone.conformance.ConformanceRequests.create;
import static io.scimsync.standalone.conformance.ConformanceRequests.group;
import static io.scimsync.standalone.conformance.ConformanceRequests.listUsers;
import static io.scimsync.standalone.conformance.ConformanceRequests.uniquePrefix;
import static io.scimsync.standalone.conformance.ConformanceRequests.valuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sorting of RFC 7644 3.4.2.3 ({@code sortBy} and {@code sortOrder}) over three users whose
 * user names differ in letter case and whose family names sort in another order.
 */
class SortingConformanceIT {

    private static StandaloneInstance standalone;
    private static ScimClient scim;
    private static String prefix;
    private static String filter;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        scim = new ScimClient(standalone.scimUrl(),
                standalone.newTenantToken("sorting-conformance").token());
        prefix = uniquePrefix("sorting");
        filter = "userName sw \"" + prefix + "\"";
        // userName order without regard to case: a, B, c. Family names: c is first.
        createUser(prefix + ".B@example.com", "Moreau");
        createUser(prefix + ".c@example.com", "Alvarez");
        createUser(prefix + ".a@example.com", "Zhou");
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.3: sortOrder defaults to ascending")
    void sortOrderDefaultsToAscending() {
        assertThat(userNames("&sortBy=userName")).containsExactly(
                prefix + ".a@example.com", prefix + ".B@example.com", prefix + ".c@example.com");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.3: descending reverses the order")
    void descendingReverses() {
        assertThat(userNames("&sortBy=userName&sortOrder=descending")).containsExactly(
                prefix + ".c@example.com", prefix + ".B@example.com", prefix + ".a@example.com");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.3: a caseExact=false attribute sorts without regard to case")
    void caseInsensitiveAttributeSortsWithoutCase() {
        // Sorted by code point, "B" would come before "a".
        assertThat(userNames("&sortBy=userName&sortOrder=ascending").get(0))
                .isEqualTo(prefix + ".a@example.com");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.3: sortBy names a sub-attribute by its dotted path")
    void sortBySubAttribute() {
        assertThat(userNames("&sortBy=name.familyName")).containsExactly(
                prefix + ".c@example.com", prefix + ".B@example.com", prefix + ".a@example.com");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.3: the sortBy attribute name is case-insensitive")
    void sortByIgnoresCase() {
        assertThat(userNames("&sortBy=NAME.FAMILYNAME")).containsExactly(
                prefix + ".c@example.com", prefix + ".B@example.com", prefix + ".a@example.com");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.3, 3.4.2.4: paging applies after sorting")
    void pagingAppliesAfterSorting() {
        assertThat(userNames("&sortBy=userName&sortOrder=descending&startIndex=2&count=1"))
                .containsExactly(prefix + ".B@example.com");
    }

    @Test
    @DisplayName("RFC 7644 3.4.3: sortBy and sortOrder in a search body")
    void sortingInSearchBody() {
        Response found = scim.post("/Users/.search", """
                {"schemas": ["%s"], "filter": "%s", "sortBy": "name.familyName",
                 "sortOrder": "descending"}
                """.formatted(SEARCH_REQUEST_SCHEMA, filter.replace("\"", "\\\"")));

        assertThat(found.status()).as("search: %s", found).isEqualTo(200);
        assertThat(valuesOf(found.json(), "userName")).containsExactly(
                prefix + ".a@example.com", prefix + ".B@example.com", prefix + ".c@example.com");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.3, 3.12: a sortOrder other than ascending or descending")
    void unknownSortOrderIsInvalidValue() {
        assertScimType(scim.get("/Users?sortBy=userName&sortOrder=upward"), "invalidValue");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.3, 3.12: sortBy of an undefined attribute")
    void undefinedSortByIsInvalidValue() {
        assertScimType(scim.get("/Users?sortBy=shoeSize"), "invalidValue");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.3: groups sort by displayName")
    void groupsSortByDisplayName() {
        String groupPrefix = uniquePrefix("sorted");
        for (String name : List.of("beta", "Gamma", "alpha")) {
            create(scim, "/Groups", group(groupPrefix + " " + name));
        }

        Response list = scim.get("/Groups?" + ScimClient.filterQuery(
                "displayName sw \"" + groupPrefix + "\"") + "&sortBy=displayName");

        assertThat(list.status()).isEqualTo(200);
        assertThat(valuesOf(list.json(), "displayName")).containsExactly(groupPrefix + " alpha",
                groupPrefix + " beta", groupPrefix + " Gamma");
    }

    private static void createUser(String userName, String familyName) {
        create(scim, "/Users", """
                {"schemas": ["%s"], "userName": "%s", "name": {"familyName": "%s"}}
                """.formatted(USER_SCHEMA, userName, familyName));
    }

    private static List<String> userNames(String sorting) {
        JsonNode list = listUsers(scim, filter, sorting);
        return valuesOf(list, "userName");
    }
}
