package io.scimsync.store.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.filter.ScimFilters;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.store.filter.FilterQueryTranslator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The query shapes of the filter translator and of cursor pages against the declared indexes:
 * each query's bounded fields must be a prefix of one index (the embedded store has no
 * {@code explain}, so {@link IndexCoverage} models MongoDB's choice).
 */
class StoreIndexesTest {

    private static final String TENANT = "t-1";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();

    private final FilterQueryTranslator translator = new FilterQueryTranslator(REGISTRY);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "USER  | userName eq \"alice@x.example\"      | tenant_unique_key",
            "USER  | userName sw \"ali\"                  | tenantId_1_search.userName_1_resourceId_1",
            "USER  | externalId eq \"E-1\"                | tenantId_1_attributes.externalId_1_resourceId_1",
            "USER  | externalId sw \"E-\"                 | tenantId_1_attributes.externalId_1_resourceId_1",
            "USER  | emails.value eq \"a@x.example\"      | tenantId_1_search.emails.value_1",
            "USER  | emails.value sw \"a@\"               | tenantId_1_search.emails.value_1",
            "USER  | emails[value eq \"a@x.example\"]    | tenantId_1_search.emails.value_1",
            "USER  | id eq \"u-1\"                        | tenantId_1_resourceId_1",
            "GROUP | displayName eq \"Sales\"             | tenant_unique_key",
            "GROUP | displayName sw \"Sa\"                | tenantId_1_search.displayName_1_resourceId_1",
            "GROUP | externalId eq \"G-1\"                | tenantId_1_attributes.externalId_1_resourceId_1",
            "GROUP | members.value eq \"u-1\"             | tenantId_1_resourceId_1",
    })
    void filterIsServedByIndexPrefix(ResourceType type, String filter, String expectedIndex) {
        Document query = translator.toQuery(TENANT, type,
                ScimFilters.parse(filter, type, REGISTRY), (tenant, member) -> List.of("g-1"));

        List<IndexCoverage.Match> plan = plan(type, query, new Document());

        assertThat(plan).singleElement().satisfies(match -> {
            assertThat(match.index().effectiveName()).isEqualTo(expectedIndex);
            assertThat(match.coversAllFields()).as(match.toString()).isTrue();
        });
    }

    @Test
    void entraEmailLookupIsBoundedByEmailIndex() {
        Document query = translator.toQuery(TENANT, ResourceType.USER, ScimFilters.parse(
                "emails[type eq \"work\"].value eq \"a@x.example\"", ResourceType.USER,
                REGISTRY), (t, member) -> List.of());

        List<IndexCoverage.Match> plan = plan(ResourceType.USER, query, new Document());

        assertThat(plan).singleElement().satisfies(match -> {
            assertThat(match.index().effectiveName()).isEqualTo("tenantId_1_search.emails.value_1");
            assertThat(match.matchedFields()).contains("search.emails.value");
        });
    }

    @ParameterizedTest(name = "{0} sortBy={1} descending={2}")
    @CsvSource(delimiter = '|', value = {
            "USER  |             | false | tenantId_1_resourceId_1",
            "USER  | userName    | false | tenantId_1_search.userName_1_resourceId_1",
            "USER  | userName    | true  | tenantId_1_search.userName_1_resourceId_1",
            "USER  | externalId  | false | tenantId_1_attributes.externalId_1_resourceId_1",
            "GROUP | displayName | true  | tenantId_1_search.displayName_1_resourceId_1",
            "GROUP |             | false | tenantId_1_resourceId_1",
    })
    void cursorPageIsServedByIndexPrefix(ResourceType type, String sortBy, boolean descending,
            String expectedIndex) {
        SortOrder order = translator.toSortOrder(type, sortBy, descending);
        Document tenant = translator.toQuery(TENANT, type, null, (t, member) -> List.of());
        for (Object sortValue : new Object[] {"m", null}) {
            Document range = PositionRanges.beyond(order, new PagePosition(sortValue, "u-9"), false);
            Document query = new Document("$and", List.of(tenant, range));

            List<IndexCoverage.Match> plan = plan(type, query, order.toSort());

            assertThat(plan).isNotEmpty().allSatisfy(match -> {
                assertThat(match.index().effectiveName()).isEqualTo(expectedIndex);
                assertThat(match.coversAllFields()).as(match.toString()).isTrue();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"title eq \"x\"", "nickName sw \"x\""})
    void unindexedAttributeFallsBackToTenantPrefix(String filter) {
        Document query = translator.toQuery(TENANT, ResourceType.USER,
                ScimFilters.parse(filter, ResourceType.USER, REGISTRY), (t, member) -> List.of());

        List<IndexCoverage.Match> plan = plan(ResourceType.USER, query, new Document());

        assertThat(plan).singleElement()
                .satisfies(match -> assertThat(match.coversAllFields()).isFalse());
    }

    private static List<IndexCoverage.Match> plan(ResourceType type, Document query,
            Document sort) {
        Optional<List<IndexCoverage.Match>> plan =
                IndexCoverage.plan(Collections.of(type), query, sort);
        assertThat(plan).as("no index serves " + query.toJson()).isPresent();
        return plan.get();
    }
}
