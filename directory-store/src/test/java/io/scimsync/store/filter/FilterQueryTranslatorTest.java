package io.scimsync.store.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.filters.Filter;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import io.scimsync.schemas.filter.ScimFilters;
import io.scimsync.schemas.model.SchemaRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The MongoDB query documents that SCIM filters translate into. */
class FilterQueryTranslatorTest {

    private static final String TENANT = "t-1";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final String ENTERPRISE =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final FilterQueryTranslator translator = new FilterQueryTranslator(REGISTRY);
    private final List<String> memberLookups = new ArrayList<>();
    private final BiFunction<String, String, List<String>> groupsOfMember = (tenant, member) -> {
        memberLookups.add(tenant + "|" + member);
        return List.of("g-1", "g-2");
    };

    @Test
    void userNameEqualityUsesUniqueKey() {
        Document query = users("userName eq \"Alice@X.example\"");

        assertThat(query).isEqualTo(tenant().append("uniqueKey", "alice@x.example"));
    }

    @Test
    void groupDisplayNameUsesUniqueKey() {
        Document query = groups("displayName eq \"Sales Team\"");

        assertThat(query).isEqualTo(tenant().append("uniqueKey", "sales team"));
    }

    @Test
    void urnQualifiedUserNameUsesUniqueKey() {
        Document query = users("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"Bob\"");

        assertThat(query).isEqualTo(tenant().append("uniqueKey", "bob"));
    }

    @Test
    void idEqualityUsesResourceId() {
        Document query = users("id eq \"U-1\"");

        assertThat(query).isEqualTo(tenant().append("resourceId", "U-1"));
    }

    @Test
    void caseExactAttributeComparesStoredValue() {
        Document query = users("externalId eq \"A1\"");

        assertThat(query).isEqualTo(tenant().append("attributes.externalId", "A1"));
    }

    @Test
    void caseInsensitiveAttributeComparesSearchCopy() {
        Document query = users("name.familyName eq \"Smith\"");

        assertThat(query).isEqualTo(tenant().append("search.name.familyName", "smith"));
    }

    @Test
    void userNameInequalityComparesSearchCopy() {
        Document query = users("userName ne \"Alice\"");

        assertThat(query).isEqualTo(
                tenant().append("search.userName", new Document("$ne", "alice")));
    }

    @Test
    void entraEmailFilterBecomesElementMatch() {
        Document query = users("emails[type eq \"work\"].value eq \"A@X.example\"");

        Document element = new Document("type", "work").append("value", "a@x.example");
        assertThat(query).isEqualTo(
                tenant().append("search.emails", new Document("$elemMatch", element)));
    }

    @Test
    void bracketedValueFilterBecomesElementMatch() {
        Document query = users("emails[type eq \"Work\" and value sw \"A\"]");

        Document element = new Document("type", "work")
                .append("value", new Document("$gte", "a").append("$lt", "a\uffff"));
        assertThat(query).isEqualTo(
                tenant().append("search.emails", new Document("$elemMatch", element)));
    }

    @Test
    void valueFilterKeepsBothAlternatives() {
        Document query = users("emails[(type eq \"work\" or type eq \"home\")"
                + " and (value eq \"a@x.example\" or value eq \"b@x.example\")]");

        Document types = new Document("$or",
                List.of(new Document("type", "work"), new Document("type", "home")));
        Document values = new Document("$or", List.of(
                new Document("value", "a@x.example"), new Document("value", "b@x.example")));
        Document element = new Document("$and", List.of(types, values));
        assertThat(query).isEqualTo(
                tenant().append("search.emails", new Document("$elemMatch", element)));
    }

    @Test
    void multiValuedAttributeComparesItsValue() {
        Document query = users("emails.value eq \"A@X.example\"");

        assertThat(query).isEqualTo(tenant().append("search.emails.value", "a@x.example"));
    }

    @Test
    void userNameAndExternalIdStayFlat() {
        Document query = users("userName eq \"Alice@X.example\" and externalId eq \"a1\"");

        assertThat(query).isEqualTo(tenant()
                .append("uniqueKey", "alice@x.example")
                .append("attributes.externalId", "a1"));
    }

    @Test
    void repeatedFieldInAndIsNotOverwritten() {
        Document query = users("userName eq \"a\" and userName eq \"b\"");

        Document both = new Document("$and",
                List.of(new Document("uniqueKey", "a"), new Document("uniqueKey", "b")));
        assertThat(query).isEqualTo(new Document("$and", List.of(tenant(), both)));
    }

    @Test
    void orKeepsTenantRestriction() {
        Document query = users("userName eq \"a\" or userName eq \"b\"");

        Document alternatives = new Document("$or",
                List.of(new Document("uniqueKey", "a"), new Document("uniqueKey", "b")));
        assertThat(query).isEqualTo(new Document("$and", List.of(tenant(), alternatives)));
    }

    @Test
    void notBecomesNor() {
        Document query = users("not (externalId eq \"a1\")");

        Document inverted =
                new Document("$nor", List.of(new Document("attributes.externalId", "a1")));
        assertThat(query).isEqualTo(new Document("$and", List.of(tenant(), inverted)));
    }

    @Test
    void membersValueBecomesGroupsOfMember() {
        Document query = groups("members.value eq \"u-1\"");

        assertThat(query).isEqualTo(
                tenant().append("resourceId", new Document("$in", List.of("g-1", "g-2"))));
        assertThat(memberLookups).containsExactly(TENANT + "|u-1");
    }

    @Test
    void membersValueFilterBecomesGroupsOfMember() {
        Document query = groups("members[value eq \"u-1\"]");

        assertThat(query).isEqualTo(
                tenant().append("resourceId", new Document("$in", List.of("g-1", "g-2"))));
    }

    @Test
    void userGroupsValueComparesGroupIds() {
        Document query = users("groups.value eq \"g-7\"");

        assertThat(query).isEqualTo(tenant().append("groupIds", "g-7"));
    }

    @Test
    void metaCreatedComparesDate() {
        Document query = users("meta.created gt \"2026-01-01T00:00:00Z\"");

        Date date = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(query).isEqualTo(tenant().append("created", new Document("$gt", date)));
    }

    @Test
    void metaLastModifiedComparesDate() {
        Document query = users("meta.lastModified le \"2026-02-03T04:05:06Z\"");

        Date date = Date.from(Instant.parse("2026-02-03T04:05:06Z"));
        assertThat(query).isEqualTo(tenant().append("lastModified", new Document("$lte", date)));
    }

    @Test
    void startsWithBecomesRange() {
        Document query = users("userName sw \"Al\"");

        Document range = new Document("$gte", "al").append("$lt", "al\uffff");
        assertThat(query).isEqualTo(tenant().append("search.userName", range));
    }

    @Test
    void enterpriseAttributeUsesEscapedUrn() {
        Document query = users(ENTERPRISE + ":employeeNumber eq \"E42\"");

        String field = "search.urn:ietf:params:scim:schemas:extension:enterprise:2%2E0:User"
                + ".employeeNumber";
        assertThat(query).isEqualTo(tenant().append(field, "e42"));
    }

    @Test
    void booleanComparesStoredValue() {
        Document query = users("active eq true");

        assertThat(query).isEqualTo(tenant().append("attributes.active", true));
    }

    @Test
    void presenceRequiresNonNullField() {
        Document query = users("title pr");

        Document present = new Document("$exists", true).append("$ne", null);
        assertThat(query).isEqualTo(tenant().append("attributes.title", present));
    }

    @Test
    void missingFilterMatchesWholeTenant() {
        Document query = translator.toQuery(TENANT, ResourceType.USER, null, groupsOfMember);

        assertThat(query).isEqualTo(tenant());
    }

    @Test
    void containsUsesEscapedPatternOnSearchCopy() {
        Document query = users("userName co \"A.l*\"");

        assertThat(query).isEqualTo(tenant().append("search.userName",
                new Document("$regex", "a\\.l\\*")));
    }

    @Test
    void endsWithAnchorsEscapedPatternAtEnd() {
        Document query = users("userName ew \"X.example\"");

        assertThat(query).isEqualTo(tenant().append("search.userName",
                new Document("$regex", "x\\.example\\z")));
    }

    @Test
    void containsOnCaseExactAttributeKeepsCase() {
        Document query = users("externalId co \"Ab$\"");

        assertThat(query).isEqualTo(tenant().append("attributes.externalId",
                new Document("$regex", "Ab\\$")));
    }

    @Test
    void containsInsideValueFilterUsesElementPattern() {
        Document query = users("emails[value co \"@X.\"]");

        Document element = new Document("value", new Document("$regex", "\\@x\\."));
        assertThat(query).isEqualTo(tenant().append("search.emails",
                new Document("$elemMatch", element)));
    }

    @Test
    void containsWithNumberIsRejected() {
        assertInvalidFilter(() -> translator.toQuery(TENANT, ResourceType.USER,
                ScimFilters.parse("userName co 5"), groupsOfMember));
    }

    @Test
    void unknownAttributeIsRejected() {
        assertInvalidFilter(() -> users("nickName2 eq \"x\""));
    }

    @Test
    void unknownAttributeOfUncheckedFilterIsRejected() {
        Filter unchecked = ScimFilters.parse("nickName2 eq \"x\"");

        assertInvalidFilter(
                () -> translator.toQuery(TENANT, ResourceType.USER, unchecked, groupsOfMember));
    }

    @Test
    void invalidDateIsRejected() {
        assertInvalidFilter(() -> users("meta.created gt \"yesterday\""));
    }

    @Test
    void unsupportedMetaAttributeIsRejected() {
        assertInvalidFilter(() -> users("meta.version eq \"W/1\""));
    }

    @Test
    void sortByUserNameUsesSearchCopy() {
        Document sort = translator.toSort(ResourceType.USER, "userName", true);

        assertThat(sort).isEqualTo(new Document("search.userName", -1).append("resourceId", 1));
    }

    @Test
    void sortByIdDescendingSortsIdDescending() {
        Document sort = translator.toSort(ResourceType.USER, "id", true);

        assertThat(sort).isEqualTo(new Document("resourceId", -1));
    }

    @Test
    void missingSortByOrdersById() {
        Document sort = translator.toSort(ResourceType.GROUP, null, false);

        assertThat(sort).isEqualTo(new Document("resourceId", 1));
    }

    @Test
    void multiValuedSortIsMarked() {
        assertThat(translator.toSortOrder(ResourceType.USER, "emails.value", false).multiValued())
                .isTrue();
        assertThat(translator.toSortOrder(ResourceType.USER, "groups", false).multiValued())
                .isTrue();
        assertThat(translator.toSortOrder(ResourceType.USER, "name.familyName", false)
                .multiValued()).isFalse();
    }

    @Test
    void emailsStartsWithMatchesOneElement() {
        Document query = users("emails.value sw \"A@\"");

        assertThat(query).isEqualTo(tenant().append("search.emails", new Document("$elemMatch",
                new Document("value", new Document("$gte", "a@").append("$lt", "a@\uffff")))));
    }

    @Test
    void localityStartsWithMatchesOneElement() {
        Document query = users("addresses.locality sw \"Sea\"");

        assertThat(query).isEqualTo(tenant().append("search.addresses", new Document("$elemMatch",
                new Document("locality",
                        new Document("$gte", "sea").append("$lt", "sea\uffff")))));
    }

    private Document users(String filter) {
        return translate(ResourceType.USER, filter);
    }

    private Document groups(String filter) {
        return translate(ResourceType.GROUP, filter);
    }

    private Document translate(ResourceType type, String filter) {
        Filter parsed = ScimFilters.parse(filter, type, REGISTRY);
        return translator.toQuery(TENANT, type, parsed, groupsOfMember);
    }

    private static Document tenant() {
        return new Document("tenantId", TENANT);
    }

    private static void assertInvalidFilter(ThrowingCallable translation) {
        assertThatThrownBy(translation)
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_FILTER);
                });
    }
}
