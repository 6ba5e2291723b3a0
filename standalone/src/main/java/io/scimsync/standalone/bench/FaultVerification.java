package io.scimsync.standalone.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * Reads what the fault test's writes left, once the processor has caught up, and runs
 * {@link FaultChecks} on it: each user and group from the store through the SCIM API, and the
 * tenant's identity change events from the broker.
 */
final class FaultVerification {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

    private final BenchHttp http;
    private final String adminToken;
    private final String tenantId;
    private final String token;

    /**
     * The outcome of the comparison.
     *
     * @param counts each check of {@link FaultChecks#NAMES} with the number of writes or
     *     resources that failed it, and the totals {@code updates_sent},
     *     {@code updates_acknowledged} and {@code updates_applied}
     * @param samples descriptions of the first failures, naming resources by id
     * @param parked the tenant's held, quarantined and waiting changes at the end
     */
    record Result(Map<String, Long> counts, List<String> samples, Map<String, Long> parked) {

        /** Returns the failures of all checks, with every change left parked counted as one. */
        long failures() {
            return FaultChecks.NAMES.stream().mapToLong(name -> counts.getOrDefault(name, 0L))
                    .sum() + parked.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    FaultVerification(BenchHttp http, String adminToken, String tenantId, String token) {
        this.http = http;
        this.adminToken = adminToken;
        this.tenantId = tenantId;
        this.token = token;
    }

    /**
     * Waits until the processor has no record of the changes topic left, then compares.
     *
     * @throws IllegalStateException when the processor has not caught up within 3 minutes, or a
     *     read of the store fails
     */
    Result verify(List<FaultLedger.User> users, List<FaultLedger.Group> groups,
            String bootstrapServers) throws InterruptedException {
        Map<String, Long> parked = awaitDrained();
        IdentityEventLog events = IdentityEventLog.read(bootstrapServers, tenantId);
        FaultChecks checks = new FaultChecks();
        for (FaultLedger.User user : users) {
            checks.user(user, events.user(user.id()), read("/Users/" + user.id()));
        }
        for (FaultLedger.Group group : groups) {
            checks.group(group, events.group(group.id()), read("/Groups/" + group.id()));
        }
        return new Result(checks.counts(), checks.samples(), parked);
    }

    /**
     * Polls the tenant's status until the processors report no lag twice in a row.
     *
     * @return the tenant's held, quarantined and waiting changes
     */
    private Map<String, Long> awaitDrained() throws InterruptedException {
        String path = "/ops/v1/tenants/" + tenantId + "/status";
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        int drainedPolls = 0;
        while (drainedPolls < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The processor did not catch up within "
                        + DRAIN_TIMEOUT);
            }
            TimeUnit.SECONDS.sleep(1);
            BenchHttp.Response status = http.admin(adminToken, "GET", path, null);
            boolean drained = status.isSuccess()
                    && status.json().path("lagRecords").isNumber()
                    && status.json().path("lagRecords").asLong() == 0;
            drainedPolls = drained ? drainedPolls + 1 : 0;
        }
        JsonNode status = http.admin(adminToken, "GET", path, null).json();
        Map<String, Long> parked = new LinkedHashMap<>();
        for (String state : List.of("held", "quarantined", "waiting")) {
            parked.put(state, status.path(state).asLong());
        }
        return parked;
    }

    private JsonNode read(String path) {
        BenchHttp.Response response = http.scim(token, "GET", path, null);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " returned " + response.status()
                    + ": " + response.body());
        }
        return response.json();
    }
}
