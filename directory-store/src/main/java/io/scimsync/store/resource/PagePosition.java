package io.scimsync.store.resource;

/**
 * The place of one resource in a listing ordered by a {@link SortOrder}: its value of the sort
 * field and its id. Listing after or before a position is a range query on both.
 *
 * @param sortValue the stored value of the sort field (a string, number, boolean or date), or
 *     null when the listing is ordered by id or the resource has no value
 */
public record PagePosition(Object sortValue, String resourceId) {
}
