package io.scimsync.ingress.scim;

import io.scimsync.ingress.IngressProperties;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import io.scimsync.schemas.resource.Projection;
import io.scimsync.store.resource.ResourcePage;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoredResource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the ListResponse of list and search requests, paged by index (RFC 7644 §3.4.2.4, the
 * default) or by cursor (RFC 9865) when the request has a {@code cursor} parameter. One listing
 * covers one resource type or, for the root search, users followed by groups.
 */
@Component
public class ResourceListing {

    private final ResourceService service;
    private final ResourceStore store;
    private final CursorPager pager;
    private final CursorCodec cursors;
    private final ResourceRenderer renderer;
    private final BaseUrls baseUrls;
    private final IngressProperties properties;

    public ResourceListing(ResourceService service, ResourceStore store, CursorPager pager,
            CursorCodec cursors, ResourceRenderer renderer, BaseUrls baseUrls,
            IngressProperties properties) {
        this.service = service;
        this.store = store;
        this.pager = pager;
        this.cursors = cursors;
        this.renderer = renderer;
        this.baseUrls = baseUrls;
        this.properties = properties;
    }

    /**
     * Returns the ListResponse of {@code query} over the tenant's resources of {@code types}.
     *
     * @param endpoint names the listing in cursors, such as {@code Users} or {@code .search}, so
     *     that a cursor of one endpoint is rejected at another
     */
    ResponseEntity<byte[]> list(String tenantId, String endpoint, List<ResourceType> types,
            ListQuery query) {
        if (query.isCursorPaged() && query.startIndex() != null) {
            throw ScimException.invalidValue("startIndex and cursor cannot be combined in one"
                    + " request; send startIndex for index paging or cursor for cursor paging");
        }
        if (query.filter() != null && query.filter().length() > properties.maxFilterLength()) {
            throw ScimException.invalidFilter("the filter is " + query.filter().length()
                    + " characters long, more than the " + properties.maxFilterLength()
                    + " accepted; split the query into several shorter ones");
        }
        boolean descending = isDescending(query.sortOrder());
        List<ListingSegment> segments = segments(tenantId, types, query, descending);
        int count = Math.min(properties.maxResults(), Math.max(0, query.count()));
        ObjectNode list = query.isCursorPaged()
                ? cursorPage(tenantId, endpoint, segments, query, count)
                : indexPage(segments, query, count);
        return ScimJson.answer(HttpStatus.OK, list);
    }

    private List<ListingSegment> segments(String tenantId, List<ResourceType> types,
            ListQuery query, boolean descending) {
        if (types.size() > 1 && query.sortBy() != null && !query.sortBy().isBlank()) {
            throw ScimException.invalidValue("sortBy is not supported by the root search, which"
                    + " lists users before groups; search /Users/.search or /Groups/.search to"
                    + " sort by '" + query.sortBy() + "'");
        }
        List<ListingSegment> segments = new ArrayList<>();
        ScimException firstFailure = null;
        for (ResourceType type : types) {
            try {
                segments.add(service.segment(tenantId, type, query.filter(), query.sortBy(),
                        descending));
            } catch (ScimException e) {
                if (types.size() == 1 || e.error().scimType() != ScimType.INVALID_FILTER) {
                    throw e;
                }
                firstFailure = firstFailure != null ? firstFailure : e;
            }
        }
        if (segments.isEmpty()) {
            throw firstFailure;
        }
        return segments;
    }

    private ObjectNode indexPage(List<ListingSegment> segments, ListQuery query, int count) {
        int start = query.startIndex() == null ? 1 : Math.max(1, query.startIndex());
        long skip = start - 1L;
        long total = 0;
        List<StoredResource> resources = new ArrayList<>();
        for (ListingSegment segment : segments) {
            int limit = count - resources.size();
            ResourcePage page = store.query(segment.type(), segment.query(),
                    segment.order().toSort(), (int) Math.min(skip, Integer.MAX_VALUE), limit);
            total += page.totalResults();
            resources.addAll(page.resources());
            skip = Math.max(0, skip - page.totalResults());
        }
        return listResponse(total, start, resources, query.projection());
    }

    private ObjectNode cursorPage(String tenantId, String endpoint,
            List<ListingSegment> segments, ListQuery query, int count) {
        for (ListingSegment segment : segments) {
            if (segment.order().multiValued()) {
                throw ScimException.invalidValue("sortBy '" + query.sortBy() + "' is a"
                        + " multi-valued attribute, which has no single place in a cursor listing;"
                        + " sort by a single-valued attribute or page with startIndex");
            }
        }
        String fingerprint = fingerprint(tenantId, endpoint, query);
        ListingCursor cursor = query.cursor().isEmpty() ? null
                : cursors.decode(query.cursor(), fingerprint);
        CursorPage page = pager.page(segments, cursor, count);
        ObjectNode list = listResponse(page.totalResults(), null, page.resources(),
                query.projection());
        if (page.next() != null) {
            list.put("nextCursor", cursors.encode(page.next(), fingerprint));
        }
        if (page.previous() != null) {
            list.put("previousCursor", cursors.encode(page.previous(), fingerprint));
        }
        return list;
    }

    /** Builds a ListResponse; {@code startIndex} is null in a cursor-paged one. */
    private ObjectNode listResponse(long total, Integer startIndex,
            List<StoredResource> resources, Projection projection) {
        ArrayNode rendered = JsonNodeFactory.instance.arrayNode();
        resources.forEach(resource -> rendered.add(render(resource, projection)));
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putArray("schemas").add(ScimSchemas.LIST_RESPONSE);
        list.put("totalResults", total);
        if (startIndex != null) {
            list.put("startIndex", startIndex);
        }
        list.put("itemsPerPage", resources.size());
        list.set("Resources", rendered);
        return list;
    }

    ObjectNode render(StoredResource resource, Projection projection) {
        return render(resource, projection, true);
    }

    /** Renders a resource; {@code mayHaveMembers} false renders a group's members as none. */
    ObjectNode render(StoredResource resource, Projection projection, boolean mayHaveMembers) {
        boolean withMembers = !projection.excludes("members");
        ObjectNode rendered = renderer.render(resource, baseUrls.current(), withMembers,
                mayHaveMembers);
        return projection.apply(resource.type(), rendered);
    }

    /** Identifies the query a cursor belongs to: all its parameters except count and paging. */
    private static String fingerprint(String tenantId, String endpoint, ListQuery query) {
        return String.join("\n", tenantId, endpoint, nullToEmpty(query.filter()),
                nullToEmpty(query.sortBy()), nullToEmpty(query.sortOrder()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static boolean isDescending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.equalsIgnoreCase("descending")) {
            return true;
        }
        throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending', got '"
                + sortOrder + "'");
    }
}
