package io.scimsync.ingress.scim;

import io.scimsync.schemas.ResourceType;
import io.scimsync.store.resource.SortOrder;
import org.bson.Document;

/**
 * The part of a listing that one resource type contributes: the store query of the request's
 * filter for that type and the order of its resources. A listing of {@code /Users} has one
 * segment; the root search lists the users' segment before the groups'.
 */
record ListingSegment(ResourceType type, Document query, SortOrder order) {
}
