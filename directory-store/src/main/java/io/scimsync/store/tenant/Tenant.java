package io.scimsync.store.tenant;

import java.time.Instant;

/**
 * A customer directory that SCIM clients provision into. Every user, group and token belongs to
 * exactly one tenant.
 *
 * @param id server-assigned random UUID, never reused
 * @param name display name, unique per deployment when compared case-insensitively
 * @param createdAt creation time, millisecond precision as MongoDB stores it
 */
public record Tenant(String id, String name, Instant createdAt) {
}
