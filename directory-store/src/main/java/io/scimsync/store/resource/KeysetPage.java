package io.scimsync.store.resource;

import java.util.List;

/**
 * One page of a listing read from a position onwards or backwards, in listing order.
 *
 * @param first the position of the first resource of the page, or null when it is empty
 * @param last the position of the last resource of the page, or null when it is empty
 * @param more whether further resources follow in the direction the page was read
 */
public record KeysetPage(
        List<StoredResource> resources, PagePosition first, PagePosition last, boolean more) {

    public KeysetPage {
        resources = List.copyOf(resources);
    }
}
