package io.scimsync.ingress.ops;

import io.scimsync.ingress.admin.AdminInputException;
import io.scimsync.ingress.admin.AdminResponses.AdminError;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.profile.InvalidMappingException;
import io.scimsync.schemas.profile.ProfileMapping;
import io.scimsync.store.profile.MappingStore;
import io.scimsync.store.profile.RederivationProgress;
import io.scimsync.store.profile.StoredMapping;
import io.scimsync.store.tenant.TenantStore;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The operator's API for a tenant's directory profile mapping. The admin token filter
 * authenticates every request, and the admin API's exception handler turns failures into
 * {@code {"error": "...", "field": "..."}} bodies.
 *
 * <pre>
 * GET /ops/v1/tenants/{tenantId}/mapping             200 {"fields": {"principalName": [...], ...}}
 * PUT /ops/v1/tenants/{tenantId}/mapping             200 the stored mapping; the tenant's
 *     {"fields": {...}}                                  profiles are re-derived in the background
 * GET /ops/v1/tenants/{tenantId}/mapping/progress    200 {"state": "idle", "mappingVersion",
 *                                                        "done", "total", "failed"}
 * </pre>
 */
@RestController
@RequestMapping("/ops/v1/tenants/{tenantId}/mapping")
public class MappingOpsController {

    private static final Logger log = LoggerFactory.getLogger(MappingOpsController.class);

    private final TenantStore tenants;
    private final MappingStore mappings;
    private final RederivationScheduler scheduler;
    private final SchemaRegistry registry;

    public MappingOpsController(TenantStore tenants, MappingStore mappings,
            RederivationScheduler scheduler, SchemaRegistry registry) {
        this.tenants = tenants;
        this.mappings = mappings;
        this.scheduler = scheduler;
        this.registry = registry;
    }

    /** {@code {"state": "running", "mappingVersion": 2, "done": 100, "total": 950, "failed": 0}} */
    public record Progress(String state, long mappingVersion, long done, long total,
            long failed) {

        static Progress of(RederivationProgress progress) {
            return new Progress(progress.state().name().toLowerCase(Locale.ROOT),
                    progress.mappingVersion(), progress.done(), progress.total(),
                    progress.failed());
        }
    }

    @GetMapping
    public JsonNode getMapping(@PathVariable String tenantId) {
        requireTenant(tenantId);
        return mappings.get(tenantId).mapping().toJson();
    }

    /**
     * Stores a new mapping and starts the re-derivation of the tenant's profiles. A 503 means
     * the mapping is stored but too many tenants are waiting for a re-derivation: PUT it again
     * later.
     */
    @PutMapping
    public ResponseEntity<?> putMapping(@PathVariable String tenantId,
            @RequestBody(required = false) JsonNode body) {
        requireTenant(tenantId);
        StoredMapping stored = mappings.put(tenantId, parse(body));
        log.info("Stored mapping version {} of tenant {}", stored.version(), tenantId);
        if (!scheduler.start(tenantId)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new AdminError("mapping version " + stored.version() + " is stored, but"
                            + " its re-derivation was not started because too many tenants are"
                            + " waiting for one: PUT the mapping again later", null, null));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(stored.mapping().toJson());
    }

    @GetMapping("/progress")
    public Progress getProgress(@PathVariable String tenantId) {
        requireTenant(tenantId);
        return Progress.of(mappings.progress(tenantId));
    }

    private ProfileMapping parse(JsonNode body) {
        try {
            return ProfileMapping.parse(body, registry);
        } catch (InvalidMappingException e) {
            throw new AdminInputException(e.field(), e.getMessage());
        }
    }

    private void requireTenant(String tenantId) {
        OpsTenants.requireTenant(tenants, tenantId);
    }
}
