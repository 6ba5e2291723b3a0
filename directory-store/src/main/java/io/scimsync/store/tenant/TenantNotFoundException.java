package io.scimsync.store.tenant;

/** An operation on a tenant id that has no tenant. */
public class TenantNotFoundException extends RuntimeException {

    private final String tenantId;

    public TenantNotFoundException(String tenantId) {
        super("tenant " + tenantId + " not found");
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
