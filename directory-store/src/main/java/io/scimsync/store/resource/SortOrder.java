package io.scimsync.store.resource;

import org.bson.Document;

/**
 * The order of a listing: one document field and its direction, ties broken by the resource id
 * in ascending order so that every resource has one place. Without a field, resources are listed
 * by id alone, in the given direction.
 *
 * @param field the document field, such as {@code search.userName}, or null to order by id
 * @param multiValued whether the field is an array, whose sort key MongoDB takes from its
 *     smallest (ascending) or largest (descending) element
 */
public record SortOrder(String field, boolean descending, boolean multiValued) {

    /** The order by resource id. */
    public static final SortOrder BY_ID = new SortOrder(null, false, false);

    /** Returns the MongoDB sort document of this order. */
    public Document toSort() {
        if (field == null) {
            return new Document(Collections.RESOURCE_ID, descending ? -1 : 1);
        }
        return new Document(field, descending ? -1 : 1).append(Collections.RESOURCE_ID, 1);
    }

    /** Returns the sort document of the opposite order, for reading a listing backwards. */
    public Document toReversedSort() {
        if (field == null) {
            return new Document(Collections.RESOURCE_ID, descending ? 1 : -1);
        }
        return new Document(field, descending ? 1 : -1).append(Collections.RESOURCE_ID, -1);
    }
}
