package io.scimsync.ingress.ops;

import io.scimsync.ingress.admin.AdminNotFoundException;
import io.scimsync.schemas.change.OperatorCommand;
import io.scimsync.store.safeguard.ParkState;
import io.scimsync.store.safeguard.ParkedChange;
import io.scimsync.store.safeguard.ParkedChangeStore;
import io.scimsync.store.tenant.TenantStore;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quarantined changes: listed, inspected with their payload, replayed once the cause is fixed
 * (the change and those waiting behind it are applied in order) or discarded (the changes
 * waiting behind it follow).
 */
@RestController
@RequestMapping("/ops/v1/tenants/{tenantId}/quarantine")
public class QuarantineController {

    private final TenantStore tenants;
    private final ParkedChangeStore parked;
    private final OperatorCommandPublisher commands;
    private final JsonMapper mapper = JsonMapper.builder().build();

    QuarantineController(TenantStore tenants, ParkedChangeStore parked,
            OperatorCommandPublisher commands) {
        this.tenants = tenants;
        this.parked = parked;
        this.commands = commands;
    }

    /** {@code {"total": n, "changes": [...]}}, oldest first, at most 1,000. */
    @GetMapping
    public Map<String, Object> list(@PathVariable String tenantId) {
        requireTenant(tenantId);
        List<Map<String, Object>> changes = parked
                .list(tenantId, ParkState.QUARANTINED, 0, ParkedChangeViews.MAX_LISTED).stream()
                .map(change -> ParkedChangeViews.summary(change, "quarantinedAt"))
                .toList();
        return Map.of("total", parked.count(tenantId, ParkState.QUARANTINED), "changes", changes);
    }

    /** Returns the change with its record's coordinates and the change itself, payload included. */
    @GetMapping("/{changeId}")
    public Map<String, Object> get(@PathVariable String tenantId, @PathVariable String changeId) {
        ParkedChange change = quarantined(tenantId, changeId);
        Map<String, Object> view = ParkedChangeViews.summary(change, "quarantinedAt");
        view.put("partition", change.partition());
        view.put("offset", change.offset());
        JsonNode recorded = mapper.readTree(change.change());
        view.put("change", recorded);
        return view;
    }

    @PostMapping("/{changeId}/replay")
    public Map<String, Object> replay(@PathVariable String tenantId, @PathVariable String changeId) {
        return decide(tenantId, changeId, OperatorCommand.Action.RELEASE);
    }

    @PostMapping("/{changeId}/discard")
    public Map<String, Object> discard(@PathVariable String tenantId, @PathVariable String changeId) {
        return decide(tenantId, changeId, OperatorCommand.Action.DISCARD);
    }

    private Map<String, Object> decide(String tenantId, String changeId,
            OperatorCommand.Action action) {
        ParkedChange change = quarantined(tenantId, changeId);
        commands.publish(tenantId, action, change.changeId(), change.resourceKey());
        return Map.of("count", 1);
    }

    private ParkedChange quarantined(String tenantId, String changeId) {
        requireTenant(tenantId);
        return parked.find(tenantId, changeId, ParkState.QUARANTINED).orElseThrow(() ->
                new AdminNotFoundException("quarantined change " + changeId + " not found"));
    }

    private void requireTenant(String tenantId) {
        OpsTenants.requireTenant(tenants, tenantId);
    }
}
