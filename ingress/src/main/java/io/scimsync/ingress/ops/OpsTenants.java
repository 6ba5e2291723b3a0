package io.scimsync.ingress.ops;

import io.scimsync.ingress.admin.AdminNotFoundException;
import io.scimsync.store.tenant.TenantStore;

/** The tenant check every ops endpoint makes before it reads or writes anything. */
final class OpsTenants {

    private OpsTenants() {
    }

    /** @throws AdminNotFoundException (404) when the tenant does not exist */
    static void requireTenant(TenantStore tenants, String tenantId) {
        if (tenants.findTenant(tenantId).isEmpty()) {
            throw new AdminNotFoundException("tenant " + tenantId + " not found");
        }
    }
}
