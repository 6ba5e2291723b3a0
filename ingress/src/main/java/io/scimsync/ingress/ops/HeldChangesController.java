package io.scimsync.ingress.ops;

import io.scimsync.ingress.admin.AdminNotFoundException;
import io.scimsync.schemas.change.OperatorCommand;
import io.scimsync.store.safeguard.ParkState;
import io.scimsync.store.safeguard.ParkedChange;
import io.scimsync.store.safeguard.ParkedChangeStore;
import io.scimsync.store.tenant.TenantStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The changes the deletion threshold holds, and operators' decisions about them. Approving
 * applies them in their original order; rejecting discards them and leaves the resources as
 * they are. Either way the changes of the same resources that waited behind them follow.
 */
@RestController
@RequestMapping("/ops/v1/tenants/{tenantId}/held")
public class HeldChangesController {

    private final TenantStore tenants;
    private final ParkedChangeStore parked;
    private final OperatorCommandPublisher commands;

    HeldChangesController(TenantStore tenants, ParkedChangeStore parked,
            OperatorCommandPublisher commands) {
        this.tenants = tenants;
        this.parked = parked;
        this.commands = commands;
    }

    /** {@code {"total": n, "held": [...]}}, oldest first, at most 1,000. */
    @GetMapping
    public Map<String, Object> list(@PathVariable String tenantId) {
        requireTenant(tenantId);
        List<Map<String, Object>> held = parked
                .list(tenantId, ParkState.HELD, 0, ParkedChangeViews.MAX_LISTED).stream()
                .map(change -> ParkedChangeViews.summary(change, "heldAt"))
                .toList();
        return Map.of("total", parked.count(tenantId, ParkState.HELD), "held", held);
    }

    @PostMapping("/approve")
    public Map<String, Object> approve(@PathVariable String tenantId,
            @RequestBody(required = false) JsonNode body) {
        return decide(tenantId, body, OperatorCommand.Action.RELEASE);
    }

    @PostMapping("/reject")
    public Map<String, Object> reject(@PathVariable String tenantId,
            @RequestBody(required = false) JsonNode body) {
        return decide(tenantId, body, OperatorCommand.Action.DISCARD);
    }

    /**
     * Publishes one command per chosen held change, oldest first; every id must name a held
     * change of the tenant, or nothing is decided.
     */
    private Map<String, Object> decide(String tenantId, JsonNode body,
            OperatorCommand.Action action) {
        requireTenant(tenantId);
        List<String> ids = ParkedChangeViews.ids(body);
        List<ParkedChange> chosen = new ArrayList<>();
        if (ids == null) {
            chosen.addAll(parked.list(tenantId, ParkState.HELD, 0, Integer.MAX_VALUE));
        } else {
            for (String id : ids) {
                chosen.add(parked.find(tenantId, id, ParkState.HELD).orElseThrow(() ->
                        new AdminNotFoundException("held change " + id + " not found")));
            }
            chosen.sort(java.util.Comparator.comparing(ParkedChange::parkedAt)
                    .thenComparing(ParkedChange::partition).thenComparing(ParkedChange::offset));
        }
        for (ParkedChange change : chosen) {
            commands.publish(tenantId, action, change.changeId(), change.resourceKey());
        }
        return Map.of("count", chosen.size());
    }

    private void requireTenant(String tenantId) {
        OpsTenants.requireTenant(tenants, tenantId);
    }
}
