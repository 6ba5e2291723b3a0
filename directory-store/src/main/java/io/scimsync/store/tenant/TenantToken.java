package io.scimsync.store.tenant;

import java.time.Instant;

/**
 * A bearer token that authenticates SCIM requests of one tenant. The secret itself is never
 * stored, only its SHA-256 hash.
 *
 * @param id server-assigned random UUID, used to list and revoke the token
 * @param tenantId the tenant whose data the token may read and change
 * @param description optional operator note such as "Entra production", or null
 * @param secretHash lowercase hex SHA-256 of the secret's UTF-8 bytes
 * @param createdAt issue time
 * @param lastUsedAt time of a successful authentication, rewritten about once per
 *     {@link TenantStore#LAST_USED_RESOLUTION} (see {@link TenantStore#recordUse}), so it may lag
 *     the latest use by that much; null if no use was recorded
 */
public record TenantToken(
        String id,
        String tenantId,
        String description,
        String secretHash,
        Instant createdAt,
        Instant lastUsedAt) {
}
