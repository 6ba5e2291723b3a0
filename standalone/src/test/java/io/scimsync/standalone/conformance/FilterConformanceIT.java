package io.scimsync.standalone.conformance;

import static io.scimsync.standalone.conformance.ConformanceRequests.ENTERPRISE_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.LIST_RESPONSE_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.SEARCH_REQUEST_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.USER_SCHEMA;
import static io.scimsync.standalone.conformance.ConformanceRequests.assertScimType;
import static io.scimsync.standalone.conformance.ConformanceRequests.create;
import static io.scimsync.standalone.conformance.ConformanceRequests.createUser;
import static io.scimsync.standalone.conformance.ConformanceRequests.group;
import static io.scimsync.standalone.conformance.ConformanceRequests.patch;
import static io.scimsync.standalone.conformance.ConformanceRequests.uniquePrefix;
import static io.scimsync.standalone.conformance.ConformanceRequests.valuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import io.scimsync.standalone.support.StandaloneInstance;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Filters of RFC 7644 3.4.2.2 on {@code GET /Users}, {@code GET /Groups} and in a
 * {@code POST .search} body (RFC 7644 3.4.3), over three users who differ in every attribute
 * the filters compare. Each filter is scoped to this class's users with a {@code userName}
 * prefix, so that resources of other tests cannot match.
 */
class FilterConformanceIT {

    private static StandaloneInstance standalone;
    private static ScimClient scim;
    private static String prefix;
    private static String anna;
    private static String bob;
    private static String carol;

    @BeforeAll
    static void start() {
        standalone = StandaloneInstance.start();
        scim = new ScimClient(standalone.scimUrl(),
                standalone.newTenantToken("filter-conformance").token());
        prefix = uniquePrefix("filter");
        anna = prefix + ".anna@example.com";
        bob = prefix + ".bob@example.com";
        carol = prefix + ".carol@example.com";
        create(scim, "/Users", fullUser(anna, "Adams", "\"title\": \"Engineer\",", true, """
                [{"value": "%1$s.anna@work.example", "type": "work", "primary": true},
                 {"value": "%1$s.anna@home.example", "type": "home"}]""".formatted(prefix),
                "Sales"));
        create(scim, "/Users", fullUser(bob, "Brown", "", false, """
                [{"value": "%s.bob@work.example", "type": "work"}]""".formatted(prefix), "R&D"));
        create(scim, "/Users", fullUser(carol, "Clark", "\"title\": \"Manager\",", true, "[]",
                "Sales"));
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: eq compares userName without regard to case")
    void eqIgnoresCaseOfUserName() {
        assertThat(userNames("userName eq \"" + anna.toUpperCase(Locale.ROOT) + "\""))
                .containsExactly(anna);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: attribute names and operators are case-insensitive")
    void attributeNamesAndOperatorsIgnoreCase() {
        assertThat(userNames("USERNAME EQ \"" + anna + "\"")).containsExactly(anna);
        assertThat(userNames("UserName Sw \"" + prefix + ".b\"")).containsExactly(bob);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: ne matches every other value")
    void neExcludesValue() {
        assertThat(scoped("userName ne \"" + anna + "\"")).containsExactlyInAnyOrder(bob, carol);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: sw matches a prefix")
    void swMatchesPrefix() {
        assertThat(userNames("userName sw \"" + prefix + ".c\"")).containsExactly(carol);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: co matches a substring without regard to case")
    void coMatchesSubstring() {
        assertThat(scoped("name.familyName co \"RO\"")).containsExactly(bob);
        assertThat(scoped("emails.value co \"anna@HOME\"")).containsExactly(anna);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: ew matches a suffix, and its value is taken literally")
    void ewMatchesSuffixLiterally() {
        assertThat(scoped("emails.value ew \"@work.example\"")).containsExactlyInAnyOrder(anna, bob);
        assertThat(scoped("emails.value ew \"@work.exampl.\"")).isEmpty();
        assertThat(scoped("name.familyName co \".*\"")).isEmpty();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: gt, ge, lt and le order strings lexicographically")
    void orderingOperatorsCompareStrings() {
        assertThat(scoped("name.familyName gt \"Brown\"")).containsExactly(carol);
        assertThat(scoped("name.familyName ge \"Brown\"")).containsExactlyInAnyOrder(bob, carol);
        assertThat(scoped("name.familyName lt \"Brown\"")).containsExactly(anna);
        assertThat(scoped("name.familyName le \"Brown\"")).containsExactlyInAnyOrder(anna, bob);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: gt and lt compare dateTime values chronologically")
    void orderingOperatorsCompareDateTimes() {
        assertThat(scoped("meta.created gt \"2000-01-01T00:00:00Z\""))
                .containsExactlyInAnyOrder(anna, bob, carol);
        assertThat(scoped("meta.created lt \"2000-01-01T00:00:00Z\"")).isEmpty();
        assertThat(scoped("meta.lastModified gt \"2999-01-01T00:00:00Z\"")).isEmpty();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: pr matches resources that have a value")
    void prMatchesPresentAttribute() {
        assertThat(scoped("title pr")).containsExactlyInAnyOrder(anna, carol);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: eq compares booleans")
    void eqComparesBoolean() {
        assertThat(scoped("active eq false")).containsExactly(bob);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: and binds more tightly than or")
    void andBindsBeforeOr() {
        // bob or (carol and active): bob and carol. Read left to right it would be carol only.
        String filter = "userName eq \"" + bob + "\" or userName eq \"" + carol
                + "\" and active eq true";

        assertThat(userNames(filter)).containsExactlyInAnyOrder(bob, carol);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: parentheses group expressions")
    void parenthesesGroup() {
        String filter = "(userName eq \"" + bob + "\" or userName eq \"" + carol
                + "\") and active eq true";

        assertThat(userNames(filter)).containsExactly(carol);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: not negates an expression in parentheses")
    void notNegates() {
        assertThat(scoped("not (active eq true)")).containsExactly(bob);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: a multi-valued attribute matches when any value matches")
    void multiValuedMatchesAnyValue() {
        assertThat(scoped("emails.type eq \"home\"")).containsExactly(anna);
        assertThat(scoped("emails.type eq \"work\"")).containsExactlyInAnyOrder(anna, bob);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: a value filter requires one value to match all its terms")
    void valueFilterMatchesWithinOneValue() {
        String matching = "emails[type eq \"work\" and value sw \"" + prefix + ".bob\"]";
        String crossing = "emails[type eq \"home\" and value sw \"" + prefix + ".anna@work\"]";

        assertThat(scoped(matching)).containsExactly(bob);
        assertThat(scoped(crossing)).isEmpty();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: an attribute is named by its schema URN and path")
    void extensionAttributeByUrn() {
        assertThat(scoped(ENTERPRISE_SCHEMA + ":department eq \"R&D\"")).containsExactly(bob);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: a filter without matches is 200 with totalResults 0")
    void noMatchIsEmptyList() {
        Response list = scim.get("/Users?" + ScimClient.filterQuery(
                "userName eq \"" + prefix + ".nobody@example.com\""));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("schemas").path(0).asString()).isEqualTo(LIST_RESPONSE_SCHEMA);
        assertThat(list.json().path("totalResults").asInt(-1)).isZero();
        assertThat(list.json().path("Resources").size()).isZero();
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2: groups are filtered by displayName and members.value")
    void groupsByDisplayNameAndMember() {
        String bobId = createUser(scim, uniquePrefix("member") + "@example.com");
        String displayName = prefix + " Readers";
        String groupId = create(scim, "/Groups", group(displayName));
        Response added = scim.patch("/Groups/" + groupId, patch("""
                {"op": "add", "path": "members", "value": [{"value": "%s"}]}""".formatted(bobId)));
        assertThat(added.status()).as("member add: %s", added).isBetween(200, 204);

        assertThat(groupIds("displayName eq \"" + displayName.toLowerCase(Locale.ROOT) + "\""))
                .containsExactly(groupId);
        assertThat(groupIds("members.value eq \"" + bobId + "\"")).containsExactly(groupId);
    }

    @Test
    @DisplayName("RFC 7644 3.4.3: POST .search applies the filter of its body")
    void searchBodyFilters() {
        Response found = scim.post("/Users/.search", """
                {"schemas": ["%s"], "filter": "userName sw \\"%s\\" and active eq false"}
                """.formatted(SEARCH_REQUEST_SCHEMA, prefix));

        assertThat(found.status()).as("search: %s", found).isEqualTo(200);
        assertThat(valuesOf(found.json(), "userName")).containsExactly(bob);
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2, 3.12: an unknown operator is invalidFilter")
    void unknownOperatorIsInvalidFilter() {
        assertScimType(listResponse("userName xx \"" + anna + "\""), "invalidFilter");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2, 3.12: an unquoted string value is invalidFilter")
    void unquotedStringIsInvalidFilter() {
        assertScimType(listResponse("userName eq " + anna), "invalidFilter");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2, 3.12: an unclosed parenthesis is invalidFilter")
    void unclosedParenthesisIsInvalidFilter() {
        assertScimType(listResponse("(userName eq \"" + anna + "\""), "invalidFilter");
    }

    @Test
    @DisplayName("RFC 7644 3.4.2.2, 3.12: pr followed by a value is invalidFilter")
    void prWithValueIsInvalidFilter() {
        assertScimType(listResponse("title pr \"Engineer\""), "invalidFilter");
    }

    private static String fullUser(String userName, String familyName, String titleMember,
            boolean active, String emails, String department) {
        return """
                {"schemas": ["%s", "%s"], "userName": "%s", "name": {"familyName": "%s"}, %s
                 "active": %s, "emails": %s, "%s": {"department": "%s"}}
                """.formatted(USER_SCHEMA, ENTERPRISE_SCHEMA, userName, familyName, titleMember,
                active, emails, ENTERPRISE_SCHEMA, department);
    }

    /** Returns the user names matching {@code filter} and this class's user name prefix. */
    private static List<String> scoped(String filter) {
        return userNames("userName sw \"" + prefix + "\" and (" + filter + ")");
    }

    private static List<String> userNames(String filter) {
        Response list = listResponse(filter);
        assertThat(list.status()).as("filter %s: %s", filter, list).isEqualTo(200);
        return valuesOf(list.json(), "userName");
    }

    private static List<String> groupIds(String filter) {
        Response list = scim.get("/Groups?" + ScimClient.filterQuery(filter));
        assertThat(list.status()).as("filter %s: %s", filter, list).isEqualTo(200);
        JsonNode body = list.json();
        return valuesOf(body, "id");
    }

    private static Response listResponse(String filter) {
        return scim.get("/Users?" + ScimClient.filterQuery(filter));
    }
}
