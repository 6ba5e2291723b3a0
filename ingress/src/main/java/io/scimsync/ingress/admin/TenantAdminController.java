package io.scimsync.ingress.admin;

import io.scimsync.ingress.admin.AdminResponses.CreatedTenant;
import io.scimsync.ingress.admin.AdminResponses.IssuedSecret;
import io.scimsync.ingress.admin.AdminResponses.TenantDetails;
import io.scimsync.ingress.admin.AdminResponses.TokenList;
import io.scimsync.ingress.admin.AdminResponses.TokenSummary;
import io.scimsync.store.tenant.IssuedToken;
import io.scimsync.store.tenant.Tenant;
import io.scimsync.store.tenant.TenantStore;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The operator's API for tenants and their SCIM tokens, under {@code /admin/v1/tenants}. The
 * admin token filter authenticates every request before it gets here, and
 * {@link AdminExceptionHandler} turns failures into {@code {"error": "..."}} bodies.
 *
 * <pre>
 * POST   /admin/v1/tenants  {"name": "acme"}              201 {"id", "name"}
 * GET    /admin/v1/tenants/{tenantId}                     200 {"id", "name", "createdAt"}
 * POST   /admin/v1/tenants/{tenantId}/tokens              201 {"id", "token"}
 *        with an optional body {"description": "Entra"}
 * GET    /admin/v1/tenants/{tenantId}/tokens              200 {"tokens": [...]}
 * DELETE /admin/v1/tenants/{tenantId}/tokens/{tokenId}    204
 * </pre>
 */
@RestController
@RequestMapping("/admin/v1/tenants")
public class TenantAdminController {

    private final TenantStore store;

    public TenantAdminController(TenantStore store) {
        this.store = store;
    }

    @PostMapping
    public ResponseEntity<CreatedTenant> createTenant(
            @RequestBody(required = false) JsonNode body) {
        Tenant tenant = store.createTenant(AdminRequestBodies.tenantName(body));
        return ResponseEntity.created(locationOf(tenant.id())).body(CreatedTenant.of(tenant));
    }

    @GetMapping("/{tenantId}")
    public TenantDetails getTenant(@PathVariable String tenantId) {
        return TenantDetails.of(requireTenant(tenantId));
    }

    /** Issues a token. The response is the only place its secret ever appears. */
    @PostMapping("/{tenantId}/tokens")
    public ResponseEntity<IssuedSecret> issueToken(@PathVariable String tenantId,
            @RequestBody(required = false) JsonNode body) {
        String description = AdminRequestBodies.tokenDescription(body);
        IssuedToken issued = store.issueToken(requireTenant(tenantId).id(), description);
        return ResponseEntity.created(locationOf(issued.token().id()))
                .cacheControl(CacheControl.noStore())
                .body(new IssuedSecret(issued.token().id(), issued.secret()));
    }

    @GetMapping("/{tenantId}/tokens")
    public TokenList listTokens(@PathVariable String tenantId) {
        requireTenant(tenantId);
        return new TokenList(store.listTokens(tenantId).stream().map(TokenSummary::of).toList());
    }

    /** Revokes a token; from this response on, SCIM requests with it get 401. */
    @DeleteMapping("/{tenantId}/tokens/{tokenId}")
    public ResponseEntity<Void> revokeToken(@PathVariable String tenantId,
            @PathVariable String tokenId) {
        requireTenant(tenantId);
        if (!store.revokeToken(tenantId, tokenId)) {
            throw AdminNotFoundException.token(tenantId, tokenId);
        }
        return ResponseEntity.noContent().build();
    }

    private Tenant requireTenant(String tenantId) {
        return store.findTenant(tenantId)
                .orElseThrow(() -> AdminNotFoundException.tenant(tenantId));
    }

    private static URI locationOf(String id) {
        return ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(id).toUri();
    }
}
