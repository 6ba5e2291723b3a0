package io.scimsync.store.resource;

import io.scimsync.schemas.ResourceType;

/** A direct member of a group. */
public record Membership(String groupId, String memberId, ResourceType memberType) {
}
