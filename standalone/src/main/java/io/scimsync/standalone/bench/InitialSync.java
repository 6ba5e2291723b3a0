package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The initial cycle of every tenant's Entra job, with {@code concurrency} clients: for each user
 * a match by {@code userName eq} and a POST of the full user, then for each group a POST without
 * members and member PATCHes of up to 100 members. The users are split evenly over the tenants,
 * and each user is a member of one group of its tenant.
 */
final class InitialSync {

    /** Most members one PATCH adds, as Entra sends them. */
    static final int MEMBERS_PER_PATCH = 100;

    /**
     * Objects the cycle created and how long it took.
     *
     * @param objects acknowledged users, groups and memberships
     * @param writes acknowledged write requests (POSTs and PATCHes)
     * @param failed write requests without a success response
     * @param failedByStatus those requests counted by the status of their response, {@code "none"}
     *     for a request that got no response
     */
    record Result(long objects, long writes, long failed, double seconds,
            Map<String, Long> failedByStatus) {

        Result {
            failedByStatus = Map.copyOf(failedByStatus);
        }
    }

    private final BenchHttp http;
    private final int concurrency;
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, LongAdder> failedByStatus = new ConcurrentSkipListMap<>();

    InitialSync(BenchHttp http, int concurrency) {
        this.http = http;
        this.concurrency = concurrency;
    }

    Result run(List<BenchTenant> tenants, int users, int groups) throws InterruptedException {
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> userTasks = new ArrayList<>();
            for (BenchTenant tenant : tenants) {
                int count = share(users, tenants.size(), tenant.index());
                for (int user = 0; user < count; user++) {
                    int index = user;
                    userTasks.add(clients.submit(() -> createUser(tenant, index)));
                }
            }
            awaitAll(userTasks);
            List<Future<?>> groupTasks = new ArrayList<>();
            for (BenchTenant tenant : tenants) {
                int count = share(groups, tenants.size(), tenant.index());
                List<List<String>> members = membersOfGroups(tenant, count);
                for (int group = 0; group < count; group++) {
                    int index = group;
                    groupTasks.add(clients.submit(
                            () -> createGroup(tenant, index, members.get(index))));
                }
            }
            awaitAll(groupTasks);
        } finally {
            clients.shutdownNow();
        }
        Map<String, Long> byStatus = new TreeMap<>();
        failedByStatus.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new Result(objects.get(), writes.get(), failed.get(),
                (System.nanoTime() - start) / 1e9, byStatus);
    }

    /** Returns the part of {@code total} that falls to the tenant at {@code index}. */
    static int share(int total, int tenants, int index) {
        return total / tenants + (index < total % tenants ? 1 : 0);
    }

    private void createUser(BenchTenant tenant, int user) {
        String userName = EntraBodies.userName(tenant.index(), user);
        BenchHttp.Response match = http.findUser(tenant.token(), userName);
        if (!match.isSuccess() || match.json().path("totalResults").asInt(-1) != 0) {
            fail(match);
            return;
        }
        BenchHttp.Response created =
                http.scim(tenant.token(), "POST", "/Users", EntraBodies.user(tenant.index(), user));
        if (created.status() != 201) {
            fail(created);
            return;
        }
        tenant.users().add(new TrackedUser(tenant, created.json().path("id").stringValue()));
        objects.incrementAndGet();
        writes.incrementAndGet();
    }

    private void fail(BenchHttp.Response response) {
        failed.incrementAndGet();
        String status = response.status() == 0 ? "none" : String.valueOf(response.status());
        failedByStatus.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    private static List<List<String>> membersOfGroups(BenchTenant tenant, int groups) {
        List<List<String>> members = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            members.add(new ArrayList<>());
        }
        List<TrackedUser> users = tenant.users();
        for (int user = 0; user < users.size(); user++) {
            members.get(user % groups).add(users.get(user).id());
        }
        return members;
    }

    private void createGroup(BenchTenant tenant, int group, List<String> members) {
        BenchHttp.Response created = http.scim(tenant.token(), "POST", "/Groups",
                EntraBodies.group(tenant.index(), group));
        if (created.status() != 201) {
            fail(created);
            return;
        }
        String id = created.json().path("id").stringValue();
        TrackedGroup tracked = new TrackedGroup(tenant, id);
        tenant.groups().add(tracked);
        objects.incrementAndGet();
        writes.incrementAndGet();
        for (int from = 0; from < members.size(); from += MEMBERS_PER_PATCH) {
            List<String> chunk = members.subList(from, Math.min(members.size(),
                    from + MEMBERS_PER_PATCH));
            BenchHttp.Response patched = http.scim(tenant.token(), "PATCH", "/Groups/" + id,
                    EntraBodies.addMembers(chunk));
            tracked.lock().lock();
            try {
                if (patched.isSuccess()) {
                    tracked.memberIds().addAll(chunk);
                    objects.addAndGet(chunk.size());
                    writes.incrementAndGet();
                } else {
                    tracked.markUnknown();
                    fail(patched);
                }
            } finally {
                tracked.lock().unlock();
            }
        }
    }

    private static void awaitAll(List<Future<?>> tasks) throws InterruptedException {
        AtomicInteger errors = new AtomicInteger();
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                errors.incrementAndGet();
            }
        }
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " initial-sync tasks failed");
        }
    }
}
