package io.scimsync.standalone.support;

/**
 * A tenant created through the admin API and one SCIM bearer token issued for it.
 *
 * @param tenantId the id the admin API assigned to the tenant
 * @param token the token's secret, sent as {@code Authorization: Bearer <token>}
 */
public record TenantCredentials(String tenantId, String token) {
}
