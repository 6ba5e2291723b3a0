package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FaultChecksTest {

    @Test
    void consistentUserPassesEveryCheck() {
        FaultLedger.User user = userWithUpdates(3, 1, 2, 3);

        FaultChecks checks = check(user, events(1, 2, 3), stored(3, 4));

        assertThat(failures(checks)).isZero();
        assertThat(checks.counts().get("updates_applied")).isEqualTo(3);
    }

    @Test
    void unacknowledgedUpdateMayBeAppliedOrNot() {
        FaultLedger.User user = userWithUpdates(3, 1, 3);

        assertThat(failures(check(user, events(1, 3), stored(3, 3)))).isZero();
        assertThat(failures(check(user, events(1, 2, 3), stored(3, 4)))).isZero();
    }

    @Test
    void acknowledgedUpdateMissingIsLost() {
        FaultChecks checks = check(userWithUpdates(3, 1, 2, 3), events(1, 3), stored(3, 3));

        assertThat(checks.counts().get("lost_acknowledged")).isEqualTo(1);
        assertThat(checks.samples()).anyMatch(sample -> sample.contains("update 2 acknowledged"));
    }

    @Test
    void repeatedUpdateIsAppliedTwice() {
        FaultChecks checks = check(userWithUpdates(2, 1, 2), events(1, 2, 2), stored(2, 4));

        assertThat(checks.counts().get("applied_twice")).isEqualTo(1);
    }

    @Test
    void earlierUpdateAfterLaterIsOutOfOrder() {
        FaultChecks checks = check(userWithUpdates(3, 1, 2, 3), events(1, 3, 2), stored(2, 4));

        assertThat(checks.counts().get("out_of_order")).isEqualTo(1);
    }

    @Test
    void updateNeverSentIsReported() {
        FaultChecks checks = check(userWithUpdates(1, 1), events(1, 7), stored(7, 3));

        assertThat(checks.counts().get("never_sent")).isEqualTo(1);
    }

    @Test
    void storeBehindEventsIsReported() {
        FaultChecks checks = check(userWithUpdates(2, 1, 2), events(1, 2), stored(1, 3));

        assertThat(checks.counts().get("store_differs_from_events")).isEqualTo(1);
    }

    @Test
    void versionCountingOtherWritesIsReported() {
        FaultChecks checks = check(userWithUpdates(2, 1, 2), events(1, 2), stored(2, 5));

        assertThat(checks.counts().get("version_differs_from_events")).isEqualTo(1);
    }

    @Test
    void missingCreatedEventIsReported() {
        List<JsonNode> events = events(1);
        events.remove(0);
        FaultChecks checks = check(userWithUpdates(1, 1), events, stored(1, 2));

        assertThat(checks.counts().get("created_events")).isEqualTo(1);
    }

    @Test
    void groupChecksMembersAgainstLedgerAndEvents() {
        FaultLedger.Group group = new FaultLedger.Group("g-1");
        group.sent("u-1");
        group.acknowledge("u-1");
        group.sent("u-2");
        group.acknowledge("u-2");
        group.sent("u-3");
        FaultChecks checks = new FaultChecks();

        checks.group(group, List.of(added("u-1"), added("u-1"), added("u-4")),
                members("u-1", "u-4"));

        assertThat(checks.counts().get("members_lost")).isEqualTo(1);
        assertThat(checks.counts().get("members_never_sent")).isEqualTo(1);
        assertThat(checks.counts().get("membership_events_differ")).isEqualTo(1);
    }

    @Test
    void unacknowledgedMemberMayBeStored() {
        FaultLedger.Group group = new FaultLedger.Group("g-1");
        group.sent("u-1");
        group.sent("u-2");
        group.acknowledge("u-2");
        FaultChecks checks = new FaultChecks();

        checks.group(group, List.of(added("u-1"), added("u-2")), members("u-1", "u-2"));

        assertThat(failures(checks)).isZero();
    }

    private static FaultChecks check(FaultLedger.User user, List<JsonNode> events,
            JsonNode stored) {
        FaultChecks checks = new FaultChecks();
        checks.user(user, events, stored);
        return checks;
    }

    /** Returns a user with {@code sent} updates, of which {@code acknowledged} got a 2xx. */
    private static FaultLedger.User userWithUpdates(int sent, long... acknowledged) {
        FaultLedger.User user = new FaultLedger.User("u-1");
        for (int i = 0; i < sent; i++) {
            user.nextSequence();
        }
        for (long sequence : acknowledged) {
            user.acknowledge(sequence);
        }
        return user;
    }

    private static List<JsonNode> events(long... sequences) {
        List<JsonNode> events = new ArrayList<>();
        events.add(event("scimsync.user.created", "Bench User 1"));
        for (long sequence : sequences) {
            events.add(event("scimsync.user.updated", FaultLedger.displayName(sequence)));
        }
        return events;
    }

    private static JsonNode event(String type, String displayName) {
        ObjectNode event = BenchHttp.JSON.createObjectNode().put("type", type);
        event.putObject("data").putObject("profile").put("displayName", displayName);
        return event;
    }

    private static JsonNode added(String userId) {
        ObjectNode event = BenchHttp.JSON.createObjectNode()
                .put("type", "scimsync.membership.added");
        event.putObject("data").put("userId", userId);
        return event;
    }

    private static JsonNode stored(long sequence, long version) {
        ObjectNode user = BenchHttp.JSON.createObjectNode()
                .put("displayName", FaultLedger.displayName(sequence));
        user.putObject("meta").put("version", "W/\"" + version + "\"");
        return user;
    }

    private static JsonNode members(String... ids) {
        ObjectNode group = BenchHttp.JSON.createObjectNode();
        for (String id : ids) {
            group.withArray("members").addObject().put("value", id);
        }
        return group;
    }

    private static long failures(FaultChecks checks) {
        return FaultChecks.NAMES.stream().mapToLong(name -> checks.counts().get(name)).sum();
    }
}
