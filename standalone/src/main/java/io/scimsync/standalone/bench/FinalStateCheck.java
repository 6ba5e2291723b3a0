package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

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

    Result check(List<BenchTenant> tenants, int sampleSize) {
        List<TrackedUser> users = new ArrayList<>();
        tenants.forEach(tenant -> users.addAll(tenant.users()));
        Collections.shuffle(users, new Random());
        int checked = 0;
        int mismatches = 0;
        int skipped = 0;
        String firstMismatch = null;
        for (TrackedUser user : users.subList(0, Math.min(sampleSize, users.size()))) {
            if (user.unknown()) {
                skipped++;
                continue;
            }
            checked++;
            String difference = difference(user);
            if (difference != null) {
                mismatches++;
                firstMismatch = firstMismatch == null ? user.id() + ": " + difference
                        : firstMismatch;
            }
        }
        Set<String> deleted = new HashSet<>();
        users.stream().filter(TrackedUser::deleted).forEach(user -> deleted.add(user.id()));
        List<TrackedGroup> groups = new ArrayList<>();
        tenants.forEach(tenant -> groups.addAll(tenant.groups()));
        Collections.shuffle(groups, new Random());
        for (TrackedGroup group : groups.subList(0, Math.min(sampleSize / 5, groups.size()))) {
            if (group.unknown()) {
                skipped++;
                continue;
            }
            checked++;
            String difference = difference(group, deleted);
            if (difference != null) {
                mismatches++;
                firstMismatch = firstMismatch == null ? group.id() + ": " + difference
                        : firstMismatch;
            }
        }
        return new Result(checked, mismatches, skipped, firstMismatch);
    }

    private String difference(TrackedGroup group, Set<String> deleted) {
        BenchHttp.Answer answer =
                http.scim(group.tenant().token(), "GET", "/Groups/" + group.id(), null);
        if (answer.status() != 200) {
            return "GET returned " + answer.status();
        }
        Set<String> actual = new TreeSet<>();
        answer.json().path("members").forEach(member -> actual.add(member.path("value").asString()));
        actual.removeAll(deleted);
        Set<String> expected = new TreeSet<>(group.memberIds());
        expected.removeAll(deleted);
        return actual.equals(expected) ? null
                : "members are " + actual + ", expected " + expected;
    }

    private String difference(TrackedUser user) {
        BenchHttp.Answer answer =
                http.scim(user.tenant().token(), "GET", "/Users/" + user.id(), null);
        if (user.deleted()) {
            return answer.status() == 404 ? null : "deleted but GET returned " + answer.status();
        }
        if (answer.status() != 200) {
            return "GET returned " + answer.status();
        }
        JsonNode body = answer.json();
        if (body.path("active").asBoolean(!user.active()) != user.active()) {
            return "active is " + body.path("active") + ", expected " + user.active();
        }
        if (!user.title().equals(body.path("title").asString(null))) {
            return "title is " + body.path("title") + ", expected " + user.title();
        }
        return null;
    }
}
