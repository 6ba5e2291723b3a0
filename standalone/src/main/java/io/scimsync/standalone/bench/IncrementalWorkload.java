package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The incremental cycles after the initial one: attribute updates in both PATCH dialects,
 * disables, re-enables and deletes of the users the initial cycle created. Each write locks its
 * user, and an acknowledged response updates the user's expected state.
 *
 * <p>One write in ten goes to a group: it removes a member or adds a user of the group's tenant,
 * in either dialect. Of the writes to an active user, 70% update attributes (half in each
 * dialect), 28% disable it and 2% delete it. A disabled user is re-enabled in 60% of its writes
 * and updated otherwise.
 */
final class IncrementalWorkload {

    private static final int MAX_PICKS = 64;

    private final BenchHttp http;
    private final List<TrackedUser> users;
    private final List<TrackedGroup> groups;
    private final AtomicLong titles = new AtomicLong();

    IncrementalWorkload(BenchHttp http, List<BenchTenant> tenants) {
        this.http = http;
        List<TrackedUser> allUsers = new ArrayList<>();
        List<TrackedGroup> allGroups = new ArrayList<>();
        for (BenchTenant tenant : tenants) {
            allUsers.addAll(tenant.users());
            allGroups.addAll(tenant.groups());
        }
        this.users = List.copyOf(allUsers);
        this.groups = List.copyOf(allGroups);
    }

    /**
     * Sends one write to a user that no other client is writing and that is not deleted.
     *
     * @return true when the write was acknowledged with a success status
     */
    boolean writeOne() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (!groups.isEmpty() && random.nextInt(10) == 0) {
            return writeGroup(random);
        }
        for (int pick = 0; pick < MAX_PICKS; pick++) {
            TrackedUser user = users.get(random.nextInt(users.size()));
            if (user.lock().tryLock()) {
                try {
                    if (!user.deleted()) {
                        return write(user, random);
                    }
                } finally {
                    user.lock().unlock();
                }
            }
        }
        throw new IllegalStateException("No user left to write after " + MAX_PICKS
                + " picks: too few users for the concurrency, or all deleted");
    }

    private boolean writeGroup(ThreadLocalRandom random) {
        for (int pick = 0; pick < MAX_PICKS; pick++) {
            TrackedGroup group = groups.get(random.nextInt(groups.size()));
            if (group.lock().tryLock()) {
                try {
                    return changeMembers(group, random);
                } finally {
                    group.lock().unlock();
                }
            }
        }
        throw new IllegalStateException("No group free to write after " + MAX_PICKS + " picks");
    }

    private boolean changeMembers(TrackedGroup group, ThreadLocalRandom random) {
        boolean compliant = random.nextBoolean();
        List<String> members = List.copyOf(group.memberIds());
        String path = "/Groups/" + group.id();
        String token = group.tenant().token();
        if (!members.isEmpty() && random.nextBoolean()) {
            String member = members.get(random.nextInt(members.size()));
            BenchHttp.Response response = http.scim(token, "PATCH", path,
                    EntraBodies.removeMember(member, compliant));
            return acknowledge(group, response, () -> group.memberIds().remove(member));
        }
        List<TrackedUser> candidates = group.tenant().users();
        TrackedUser candidate = candidates.get(random.nextInt(candidates.size()));
        for (int pick = 0; candidate.deleted() && pick < MAX_PICKS; pick++) {
            candidate = candidates.get(random.nextInt(candidates.size()));
        }
        String member = candidate.id();
        BenchHttp.Response response = http.scim(token, "PATCH", path,
                EntraBodies.addMembers(List.of(member), compliant));
        return acknowledge(group, response, () -> group.memberIds().add(member));
    }

    private static boolean acknowledge(TrackedGroup group, BenchHttp.Response response,
            Runnable update) {
        if (response.isSuccess()) {
            update.run();
            return true;
        }
        group.markUnknown();
        return false;
    }

    private boolean write(TrackedUser user, ThreadLocalRandom random) {
        int dice = random.nextInt(100);
        boolean compliant = random.nextBoolean();
        if (!user.active() && dice < 60) {
            return acknowledge(user, patch(user, EntraBodies.setActive(true, compliant)),
                    () -> user.acknowledgeActive(true));
        }
        if (user.active() && dice >= 98) {
            BenchHttp.Response response = http.scim(user.tenant().token(), "DELETE",
                    "/Users/" + user.id(), null);
            return acknowledge(user, response, user::acknowledgeDelete);
        }
        if (user.active() && dice >= 70) {
            return acknowledge(user, patch(user, EntraBodies.setActive(false, compliant)),
                    () -> user.acknowledgeActive(false));
        }
        String title = "Title " + titles.incrementAndGet();
        BenchHttp.Response response = patch(user, compliant
                ? EntraBodies.updateCompliantDialect(title)
                : EntraBodies.updateDefaultDialect(title));
        return acknowledge(user, response, () -> user.acknowledgeTitle(title));
    }

    private BenchHttp.Response patch(TrackedUser user, Object body) {
        return http.scim(user.tenant().token(), "PATCH", "/Users/" + user.id(), body);
    }

    private static boolean acknowledge(TrackedUser user, BenchHttp.Response response,
            Runnable update) {
        if (response.isSuccess()) {
            update.run();
            return true;
        }
        user.markUnknown();
        return false;
    }
}
