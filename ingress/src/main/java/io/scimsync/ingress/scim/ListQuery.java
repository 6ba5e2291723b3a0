package io.scimsync.ingress.scim;

import io.scimsync.schemas.resource.Projection;

/**
 * The parameters of a list or search request (RFC 7644 §3.4.2 and §3.4.3, RFC 9865 §2).
 *
 * @param startIndex the 1-based index of the first result, or null when the request has none
 * @param cursor the cursor of a cursor-paged request, empty for its first page, or null when the
 *     request uses index paging
 * @param count the requested page size, not yet limited to the maximum
 */
record ListQuery(String filter, String sortBy, String sortOrder, Integer startIndex,
        String cursor, int count, Projection projection) {

    boolean isCursorPaged() {
        return cursor != null;
    }
}
