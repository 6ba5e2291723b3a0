package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the bench's tenants through the admin API and lifts their deletion safeguard through
 * the ops API ({@code deletionThreshold} and {@code deletionThresholdPercent} null), so that the
 * workload's own disables and deletes are applied instead of held.
 */
final class TenantSetup {

    private final BenchHttp http;
    private final String adminToken;

    TenantSetup(BenchHttp http, String adminToken) {
        this.http = http;
        this.adminToken = adminToken;
    }

    /**
     * Creates {@code count} tenants with one token each.
     *
     * @throws IllegalStateException when an admin or ops request fails, with its status and body
     */
    List<BenchTenant> createTenants(int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<BenchTenant> tenants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode tenantRequest = BenchHttp.JSON.createObjectNode()
                    .put("name", "bench-" + run + "-" + i);
            String id = required(http.admin(adminToken, "POST", "/admin/v1/tenants",
                    tenantRequest), "POST /admin/v1/tenants").json().path("id").stringValue();
            ObjectNode tokenRequest = BenchHttp.JSON.createObjectNode().put("description", "bench");
            String token = required(http.admin(adminToken, "POST",
                    "/admin/v1/tenants/" + id + "/tokens", tokenRequest),
                    "POST /admin/v1/tenants/{id}/tokens").json().path("token").stringValue();
            liftDeletionThreshold(id);
            tenants.add(new BenchTenant(i, id, token));
        }
        return tenants;
    }

    private void liftDeletionThreshold(String tenantId) {
        String path = "/ops/v1/tenants/" + tenantId + "/safeguards";
        ObjectNode settings = (ObjectNode) required(http.admin(adminToken, "GET", path, null),
                "GET " + path).json();
        settings.putNull("deletionThreshold");
        settings.putNull("deletionThresholdPercent");
        required(http.admin(adminToken, "PUT", path, settings), "PUT " + path);
    }

    private static BenchHttp.Response required(BenchHttp.Response response, String request) {
        if (!response.isSuccess()) {
            throw new IllegalStateException(request + " returned " + response.status() + ": "
                    + response.body());
        }
        return response;
    }
}
