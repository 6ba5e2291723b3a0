package io.scimsync.ingress.ops;

import io.scimsync.ingress.admin.AdminNotFoundException;
import io.scimsync.ingress.scim.ResourceService;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.tenant.TenantStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' changes to groups that the tenant's SCIM client does not manage, such as groups
 * left over from an import. A group the SCIM pipeline created belongs to the client: changing it
 * here would be undone, or fought over, by the client's next cycle, so it is rejected with 409.
 * An allowed change still goes through the pipeline, in order with the group's other changes.
 */
@RestController
@RequestMapping("/ops/v1/tenants/{tenantId}/groups")
public class GroupOpsController {

    private final TenantStore tenants;
    private final ResourceStore resources;
    private final ResourceService service;

    GroupOpsController(TenantStore tenants, ResourceStore resources, ResourceService service) {
        this.tenants = tenants;
        this.resources = resources;
        this.service = service;
    }

    @DeleteMapping("/{groupId}")
    public ResponseEntity<Void> delete(@PathVariable String tenantId, @PathVariable String groupId) {
        OpsTenants.requireTenant(tenants, tenantId);
        String managedBy = resources.managedBy(tenantId, ResourceType.GROUP, groupId)
                .orElseThrow(() -> new AdminNotFoundException("group " + groupId + " not found"));
        if (ResourceStore.SCIM_PIPELINE.equals(managedBy)) {
            throw new ManagedBySourceException("group " + groupId + " is managed by the tenant's"
                    + " SCIM client; change or delete it there, for example by unassigning it in"
                    + " Entra");
        }
        try {
            service.delete(tenantId, ResourceType.GROUP, groupId, null);
        } catch (ScimException e) {
            if (e.error().status() == 404) {
                throw new AdminNotFoundException("group " + groupId + " not found");
            }
            throw new BrokerUnavailableException("the group was not deleted: " + e.error().detail());
        }
        return ResponseEntity.noContent().build();
    }
}
