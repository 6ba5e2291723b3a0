package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Reads a random sample of the workload's users and groups back by id and compares them with the
 * state their acknowledged writes left. A deleted user must be 404, any other must have the
 * expected {@code active} and {@code title}. A group must have the expected members, leaving out
 * deleted users on both sides, because a delete may race with a member addition. Resources with
 * a write that got no success response are skipped, because whether that write was applied is
 * unknown.
 */
final class FinalStateCheck {

    /**
     * @param checked users and groups read back
     * @param mismatches resources whose response differs from the expected state
     * @param skipped sampled resources with an unknown state
     * @param firstMismatch id and difference of the first mismatch, or null
     */
    record Result(int checked, int mismatches, int skipped, String firstMismatch) {
    }

    private final BenchHttp http;

    FinalStateCheck(BenchHttp http) {
        this.http = http;
    }

    /** Checks {@code sampleSize} users and a fifth as many groups, or all where there are fewer. */
    Result check(List<BenchTenant> tenants, int sampleSize) {
        List<TrackedUser> users = new ArrayList<>();
        List<TrackedGroup> groups = new ArrayList<>();
        tenants.forEach(tenant -> {
            users.addAll(tenant.users());
            groups.addAll(tenant.groups());
        });
        Set<String> deleted = new HashSet<>();
        users.stream().filter(TrackedUser::deleted).forEach(user -> deleted.add(user.id()));

        Tally tally = new Tally();
        for (TrackedUser user : sample(users, sampleSize)) {
            tally.add(user.unknown(), user.id(), () -> difference(user));
        }
        for (TrackedGroup group : sample(groups, sampleSize / 5)) {
            tally.add(group.unknown(), group.id(), () -> difference(group, deleted));
        }
        return new Result(tally.checked, tally.mismatches, tally.skipped, tally.firstMismatch);
    }

    private static <T> List<T> sample(List<T> all, int size) {
        List<T> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random());
        return shuffled.subList(0, Math.min(size, shuffled.size()));
    }

    /** Counts of the check so far. */
    private static final class Tally {

        private int checked;
        private int mismatches;
        private int skipped;
        private String firstMismatch;

        void add(boolean unknown, String id, Supplier<String> difference) {
            if (unknown) {
                skipped++;
                return;
            }
            checked++;
            String found = difference.get();
            if (found != null) {
                mismatches++;
                if (firstMismatch == null) {
                    firstMismatch = id + ": " + found;
                }
            }
        }
    }

    private String difference(TrackedGroup group, Set<String> deleted) {
        BenchHttp.Response response =
                http.scim(group.tenant().token(), "GET", "/Groups/" + group.id(), null);
        if (response.status() != 200) {
            return "GET returned " + response.status();
        }
        Set<String> actual = new TreeSet<>();
        for (JsonNode member : response.json().path("members")) {
            actual.add(member.path("value").asString());
        }
        actual.removeAll(deleted);
        Set<String> expected = new TreeSet<>(group.memberIds());
        expected.removeAll(deleted);
        return actual.equals(expected) ? null
                : "members are " + actual + ", expected " + expected;
    }

    private String difference(TrackedUser user) {
        BenchHttp.Response response =
                http.scim(user.tenant().token(), "GET", "/Users/" + user.id(), null);
        if (user.deleted()) {
            return response.status() == 404 ? null : "deleted but GET returned " + response.status();
        }
        if (response.status() != 200) {
            return "GET returned " + response.status();
        }
        JsonNode body = response.json();
        if (body.path("active").asBoolean(!user.active()) != user.active()) {
            return "active is " + body.path("active") + ", expected " + user.active();
        }
        if (!user.title().equals(body.path("title").asString(null))) {
            return "title is " + body.path("title") + ", expected " + user.title();
        }
        return null;
    }
}
