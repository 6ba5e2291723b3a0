package io.scimsync.store.resource;

import static io.scimsync.schemas.ResourceType.GROUP;
import static io.scimsync.schemas.ResourceType.USER;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.filter.ScimFilters;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.store.filter.FilterQueryTranslator;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The query shapes of the filter translator and of cursor pages, each with the declared index
 * expected to serve it. {@code StoreIndexesTest} checks them against {@link IndexCoverage}, and
 * {@code RealMongoIndexesIT} against the query plans of a real MongoDB.
 */
final class QueryShapes {

    static final String TENANT = "t-1";

    /** The groups that {@code members.value eq} resolves to in every filter shape. */
    static final List<String> GROUPS_OF_MEMBER = List.of("g-1");

    /** The resource id of the position that every cursor page shape continues after. */
    static final String POSITION_RESOURCE_ID = "u-9";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final FilterQueryTranslator TRANSLATOR = new FilterQueryTranslator(REGISTRY);

    /** Filters whose bounded fields are all keys of one declared index. */
    static final List<FilterShape> INDEXED_FILTERS = List.of(
            new FilterShape(USER, "userName eq \"alice@x.example\"", "tenant_unique_key"),
            new FilterShape(USER, "userName sw \"ali\"",
                    "tenantId_1_search.userName_1_resourceId_1"),
            new FilterShape(USER, "externalId eq \"E-1\"",
                    "tenantId_1_attributes.externalId_1_resourceId_1"),
            new FilterShape(USER, "externalId sw \"E-\"",
                    "tenantId_1_attributes.externalId_1_resourceId_1"),
            new FilterShape(USER, "emails.value eq \"a@x.example\"",
                    "tenantId_1_search.emails.value_1"),
            // The range of sw on an array sits inside an $elemMatch, so that MongoDB applies both
            // bounds to one email and intersects them on the index.
            new FilterShape(USER, "emails.value sw \"a@\"", "tenantId_1_search.emails.value_1"),
            new FilterShape(USER, "emails[value eq \"a@x.example\"]",
                    "tenantId_1_search.emails.value_1"),
            new FilterShape(USER, "id eq \"u-1\"", "tenantId_1_resourceId_1"),
            new FilterShape(GROUP, "displayName eq \"Sales\"", "tenant_unique_key"),
            new FilterShape(GROUP, "displayName sw \"Sa\"",
                    "tenantId_1_search.displayName_1_resourceId_1"),
            new FilterShape(GROUP, "externalId eq \"G-1\"",
                    "tenantId_1_attributes.externalId_1_resourceId_1"),
            new FilterShape(GROUP, "members.value eq \"u-1\"", "tenantId_1_resourceId_1"));

    /**
     * The email lookup in the form Microsoft Entra ID sends. No index has the email type, so the
     * email index bounds the value alone.
     */
    static final FilterShape ENTRA_EMAIL_LOOKUP = new FilterShape(USER,
            "emails[type eq \"work\"].value eq \"a@x.example\"",
            "tenantId_1_search.emails.value_1");

    /** Filters on attributes that no index has, which only the tenant prefix of an index bounds. */
    static final List<FilterShape> UNINDEXED_FILTERS = List.of(
            new FilterShape(USER, "title eq \"x\"", null),
            new FilterShape(USER, "nickName sw \"x\"", null));

    /** Forward cursor pages, by sort attribute and direction. */
    static final List<CursorPageShape> CURSOR_PAGES = List.of(
            new CursorPageShape(USER, null, false, "tenantId_1_resourceId_1"),
            new CursorPageShape(USER, "userName", false,
                    "tenantId_1_search.userName_1_resourceId_1"),
            new CursorPageShape(USER, "userName", true,
                    "tenantId_1_search.userName_1_resourceId_1"),
            new CursorPageShape(USER, "externalId", false,
                    "tenantId_1_attributes.externalId_1_resourceId_1"),
            new CursorPageShape(GROUP, "displayName", true,
                    "tenantId_1_search.displayName_1_resourceId_1"),
            new CursorPageShape(GROUP, null, false, "tenantId_1_resourceId_1"));

    private QueryShapes() {
    }

    static List<FilterShape> indexedFilters() {
        return INDEXED_FILTERS;
    }

    static List<FilterShape> unindexedFilters() {
        return UNINDEXED_FILTERS;
    }

    static List<CursorPageShape> cursorPages() {
        return CURSOR_PAGES;
    }

    /**
     * A SCIM filter on one resource type.
     *
     * @param expectedIndex the name of the index expected to serve every bounded field, or null
     *     when no index has all of them
     */
    record FilterShape(ResourceType type, String filter, String expectedIndex) {

        /** Returns the query of the filter translator for {@link #TENANT}. */
        Document query() {
            return TRANSLATOR.toQuery(TENANT, type, ScimFilters.parse(filter, type, REGISTRY),
                    (tenant, member) -> GROUPS_OF_MEMBER);
        }

        String collection() {
            return Collections.of(type);
        }

        @Override
        public String toString() {
            return type + ": " + filter;
        }
    }

    /**
     * A cursor page of all resources of {@link #TENANT} in one order.
     *
     * @param sortBy the SCIM attribute to sort by, or null to list by id
     */
    record CursorPageShape(ResourceType type, String sortBy, boolean descending,
            String expectedIndex) {

        SortOrder order() {
            return TRANSLATOR.toSortOrder(type, sortBy, descending);
        }

        /**
         * Returns the queries of {@link ResourceStore#seek} that continue after a position with a
         * sort value and after one without, whose ranges differ.
         */
        List<Document> queries() {
            Document tenant = TRANSLATOR.toQuery(TENANT, type, null, (t, member) -> List.of());
            List<Document> queries = new ArrayList<>();
            for (Object sortValue : new Object[] {"m", null}) {
                PagePosition position = new PagePosition(sortValue, POSITION_RESOURCE_ID);
                queries.add(ResourceStore.seekCondition(tenant, order(), position, false));
            }
            return queries;
        }

        String collection() {
            return Collections.of(type);
        }

        @Override
        public String toString() {
            return type + " sortBy=" + sortBy + " descending=" + descending;
        }
    }
}
