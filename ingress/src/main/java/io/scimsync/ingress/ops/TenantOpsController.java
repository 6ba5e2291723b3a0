package io.scimsync.ingress.ops;

import io.scimsync.store.safeguard.ParkState;
import io.scimsync.store.safeguard.ParkedChangeStore;
import io.scimsync.store.safeguard.SafeguardStore;
import io.scimsync.store.tenant.TenantStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A tenant's safeguard settings, its processing state, and resuming a paused tenant. */
@RestController
@RequestMapping("/ops/v1/tenants/{tenantId}")
public class TenantOpsController {

    private final TenantStore tenants;
    private final SafeguardStore safeguards;
    private final ParkedChangeStore parked;
    private final OperatorCommandPublisher commands;
    private final ProcessorLag lag;

    TenantOpsController(TenantStore tenants, SafeguardStore safeguards, ParkedChangeStore parked,
            OperatorCommandPublisher commands, ProcessorLag lag) {
        this.tenants = tenants;
        this.safeguards = safeguards;
        this.parked = parked;
        this.commands = commands;
        this.lag = lag;
    }

    @GetMapping("/safeguards")
    public Map<String, Object> getSafeguards(@PathVariable String tenantId) {
        requireTenant(tenantId);
        return SafeguardsBody.render(safeguards.control(tenantId).safeguards());
    }

    /** Replaces the settings; the processor applies them from its next batch on. */
    @PutMapping("/safeguards")
    public Map<String, Object> putSafeguards(@PathVariable String tenantId,
            @RequestBody(required = false) JsonNode body) {
        requireTenant(tenantId);
        var settings = SafeguardsBody.parse(body);
        safeguards.putSafeguards(tenantId, settings);
        return SafeguardsBody.render(settings);
    }

    /**
     * {@code {"state": "running", "lagRecords": 0, "applied": n, "held": n, "quarantined": n,
     * "waiting": n}}, with {@code pausedReason} when paused; {@code lagRecords} is null when the
     * broker does not respond.
     */
    @GetMapping("/status")
    public Map<String, Object> status(@PathVariable String tenantId) {
        requireTenant(tenantId);
        String pausedReason = safeguards.pausedReason(tenantId);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", pausedReason == null ? "running" : "paused");
        OptionalLong records = lag.records();
        status.put("lagRecords", records.isPresent() ? records.getAsLong() : null);
        status.put("applied", safeguards.applied(tenantId));
        status.put("held", parked.count(tenantId, ParkState.HELD));
        status.put("quarantined", parked.count(tenantId, ParkState.QUARANTINED));
        status.put("waiting", parked.count(tenantId, ParkState.WAITING));
        if (pausedReason != null) {
            status.put("pausedReason", pausedReason);
        }
        return status;
    }

    /**
     * Resumes a paused tenant: its waiting changes are applied in order. Resuming a running
     * tenant changes nothing and gets the same response.
     */
    @PostMapping("/resume")
    public Map<String, Object> resume(@PathVariable String tenantId) {
        requireTenant(tenantId);
        boolean wasPaused = safeguards.resume(tenantId);
        commands.publishResume(tenantId);
        return Map.of("state", "running", "wasPaused", wasPaused);
    }

    private void requireTenant(String tenantId) {
        OpsTenants.requireTenant(tenants, tenantId);
    }
}
