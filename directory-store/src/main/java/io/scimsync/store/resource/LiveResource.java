package io.scimsync.store.resource;

/**
 * A stored resource with the position of the last change applied to it, null for a resource
 * that came into the store outside the change pipeline.
 */
public record LiveResource(StoredResource resource, ChangePosition applied) {
}
