package io.scimsync.store.safeguard;

/**
 * What the processor needs to know about a tenant before it applies one of its changes.
 *
 * @param paused whether the tenant's changes wait until an operator resumes it
 * @param holding whether the deletion threshold was crossed and every further disable or delete
 *     is held until an operator decides about the held ones
 */
public record TenantControl(String tenantId, Safeguards safeguards, boolean paused, boolean holding) {

    /** Returns a tenant with default settings that nothing has paused or held. */
    public static TenantControl defaults(String tenantId) {
        return new TenantControl(tenantId, Safeguards.DEFAULTS, false, false);
    }

    public TenantControl withPaused(boolean value) {
        return new TenantControl(tenantId, safeguards, value, holding);
    }

    public TenantControl withHolding(boolean value) {
        return new TenantControl(tenantId, safeguards, paused, value);
    }
}
