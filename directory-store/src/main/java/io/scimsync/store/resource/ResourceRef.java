package io.scimsync.store.resource;

import io.scimsync.schemas.ResourceType;

/** Names one resource of one tenant, live or deleted. */
public record ResourceRef(String tenantId, ResourceType type, String id) {
}
