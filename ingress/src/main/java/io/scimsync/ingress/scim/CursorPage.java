package io.scimsync.ingress.scim;

import io.scimsync.store.resource.StoredResource;
import java.util.List;

/**
 * One page of a cursor-paged listing.
 *
 * @param next where the following page starts, or null on the last page
 * @param previous where the preceding page ends, or null on the first page
 */
record CursorPage(List<StoredResource> resources, long totalResults, ListingCursor next,
        ListingCursor previous) {
}
