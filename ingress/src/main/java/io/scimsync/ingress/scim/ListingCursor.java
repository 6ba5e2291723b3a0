package io.scimsync.ingress.scim;

import io.scimsync.schemas.ResourceType;
import io.scimsync.store.resource.PagePosition;

/**
 * The content of a paging cursor (RFC 9865): the resource a page ended or started at and the
 * direction to read on from it. A root search lists users before groups, so the position names
 * the resource type too.
 *
 * @param backward whether the next page comes before {@code position} ({@code previousCursor})
 */
record ListingCursor(boolean backward, ResourceType type, PagePosition position) {
}
