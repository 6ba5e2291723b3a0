package io.scimsync.store.resource;

import java.util.List;

/** One page of a query: the resources on it and how many match in all. */
public record ResourcePage(List<StoredResource> resources, long totalResults) {
}
