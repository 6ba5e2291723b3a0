package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The checks of the fault test's final state, one resource at a time. A user's update events
 * name, in their display names, the sequence numbers of the updates the processor applied, in
 * the order it applied them. So every acknowledged number must be among them once, in
 * increasing order, and the stored user must carry the last one at the version that counts
 * them. A group must hold every acknowledged member, no member that was never sent, and one
 * {@code membership.added} event per member.
 */
final class FaultChecks {

    /** The checks, each counting the writes or resources that failed it. */
    static final List<String> NAMES = List.of("lost_acknowledged", "applied_twice",
            "out_of_order", "never_sent", "created_events", "store_differs_from_events",
            "version_differs_from_events", "members_lost", "members_never_sent",
            "membership_events_differ");

    private static final int MAX_SAMPLES = 10;

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> samples = new ArrayList<>();

    FaultChecks() {
        NAMES.forEach(name -> counts.put(name, 0L));
        List.of("updates_sent", "updates_acknowledged", "updates_applied")
                .forEach(name -> counts.put(name, 0L));
    }

    /**
     * Checks one user against its events and its stored resource.
     *
     * @param events the events under the user's key, in order
     * @param stored the user as {@code GET /Users/{id}} returns it
     */
    void user(FaultLedger.User user, List<JsonNode> events, JsonNode stored) {
        List<Long> applied = new ArrayList<>();
        long created = 0;
        for (JsonNode event : events) {
            String type = event.path("type").asString();
            if (type.endsWith(".user.updated")) {
                applied.add(FaultLedger.sequence(
                        event.path("data").path("profile").path("displayName").asString()));
            } else if (type.endsWith(".user.created")) {
                created++;
            }
        }
        add("updates_sent", user.sent().size());
        add("updates_acknowledged", user.acknowledged().size());
        add("updates_applied", applied.size());
        compareApplied(user, applied);
        fail(created != 1, "created_events", "user " + user.id() + " has " + created
                + " user.created events");
        long storedSequence = FaultLedger.sequence(stored.path("displayName").asString());
        long lastApplied = applied.isEmpty() ? 0 : applied.get(applied.size() - 1);
        fail(storedSequence != lastApplied, "store_differs_from_events", "user " + user.id()
                + " stores update " + storedSequence + ", its last event is " + lastApplied);
        long version = version(stored);
        fail(version != 1 + applied.size(), "version_differs_from_events", "user " + user.id()
                + " is at version " + version + " after " + applied.size() + " update events");
    }

    /**
     * Checks one group against its events and its stored resource.
     *
     * @param events the events under the group's key, in order
     * @param stored the group as {@code GET /Groups/{id}} returns it
     */
    void group(FaultLedger.Group group, List<JsonNode> events, JsonNode stored) {
        Set<String> members = new HashSet<>();
        for (JsonNode member : stored.path("members")) {
            members.add(member.path("value").asString());
        }
        Map<String, Integer> added = new HashMap<>();
        for (JsonNode event : events) {
            if (event.path("type").asString().endsWith(".membership.added")) {
                added.merge(event.path("data").path("userId").asString(), 1, Integer::sum);
            }
        }
        for (String userId : group.acknowledged()) {
            fail(!members.contains(userId), "members_lost", "group " + group.id()
                    + " lacks acknowledged member " + userId);
        }
        for (String userId : members) {
            fail(!group.sent().contains(userId), "members_never_sent",
                    "group " + group.id() + " has member " + userId + " that was never sent");
            int count = added.getOrDefault(userId, 0);
            fail(count != 1, "membership_events_differ", "group " + group.id() + " member "
                    + userId + " has " + count + " membership.added events");
        }
        fail(!members.containsAll(added.keySet()), "membership_events_differ",
                "group " + group.id() + " has membership.added events of users it lacks");
    }

    /** Returns each check's count and the totals of updates sent, acknowledged and applied. */
    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Returns descriptions of the first failures, naming resources by id. */
    List<String> samples() {
        return List.copyOf(samples);
    }

    private void compareApplied(FaultLedger.User user, List<Long> applied) {
        Set<Long> sent = new HashSet<>(user.sent());
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        for (long sequence : applied) {
            fail(!seen.add(sequence), "applied_twice",
                    "user " + user.id() + " update " + sequence + " applied twice");
            fail(sequence <= previous, "out_of_order", "user " + user.id() + " update "
                    + sequence + " applied after " + previous);
            fail(!sent.contains(sequence), "never_sent",
                    "user " + user.id() + " update " + sequence + " applied but never sent");
            previous = Math.max(previous, sequence);
        }
        for (long sequence : user.acknowledged()) {
            fail(!seen.contains(sequence), "lost_acknowledged", "user " + user.id()
                    + " update " + sequence + " acknowledged but not applied");
        }
    }

    /** Returns the number in a {@code meta.version} such as {@code W/"3"}, or -1. */
    private static long version(JsonNode resource) {
        String digits = resource.path("meta").path("version").asString()
                .replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private void fail(boolean failed, String check, String sample) {
        if (failed) {
            add(check, 1);
            if (samples.size() < MAX_SAMPLES) {
                samples.add(sample);
            }
        }
    }

    private void add(String name, long amount) {
        counts.merge(name, amount, Long::sum);
    }
}
