package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import tools.jackson.databind.node.ObjectNode;

/**
 * The writes the fault test keeps up while it kills and restarts processes: each load thread
 * owns a slice of the users and one group, and sends one request at a time, alternating between
 * the ingress replicas. Four writes in five PATCH a user's display name, alternating Entra's two
 * dialects; the fifth adds the next user to the thread's group. A request refused by a replica
 * that is down goes to the other replica at once.
 */
final class FaultLoad {

    private static final int MEMBER_ADD_EVERY = 5;

    private final List<BenchHttp> replicas;
    private final String token;
    private final List<FaultLedger.User> users;
    private final List<FaultLedger.Group> groups;
    private final long intervalNanos;
    private final FaultAnswers answers = new FaultAnswers();
    private final AtomicIntegerArray inFlight;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param rate writes per second over all threads; each thread paces itself to its share
     */
    FaultLoad(List<BenchHttp> replicas, String token, List<FaultLedger.User> users,
            List<FaultLedger.Group> groups, int rate) {
        this.replicas = replicas;
        this.token = token;
        this.users = users;
        this.groups = groups;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) * groups.size() / rate;
        this.inFlight = new AtomicIntegerArray(replicas.size());
    }

    /** Starts one thread per group. */
    void start() {
        running = true;
        for (int writer = 0; writer < groups.size(); writer++) {
            int index = writer;
            Thread thread = new Thread(() -> write(index), "fault-load-" + writer);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops the threads after their current request and waits for them. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Returns the number of requests that replica {@code index} is handling now. */
    int inFlight(int index) {
        return inFlight.get(index);
    }

    FaultAnswers answers() {
        return answers;
    }

    private void write(int writer) {
        List<FaultLedger.User> own = ownUsers(writer);
        FaultLedger.Group group = groups.get(writer);
        int nextMember = writer;
        long due = System.nanoTime();
        for (long count = 0; running; count++) {
            due += intervalNanos;
            pace(due);
            if (count % MEMBER_ADD_EVERY == MEMBER_ADD_EVERY - 1) {
                addMember(group, users.get(nextMember % users.size()), writer);
                nextMember += groups.size();
            } else {
                updateUser(own.get((int) (count % own.size())), writer);
            }
        }
    }

    private List<FaultLedger.User> ownUsers(int writer) {
        List<FaultLedger.User> own = new ArrayList<>();
        for (int i = writer; i < users.size(); i += groups.size()) {
            own.add(users.get(i));
        }
        return own;
    }

    private void updateUser(FaultLedger.User user, int writer) {
        long sequence = user.nextSequence();
        boolean compliantDialect = sequence % 2 == 0;
        ObjectNode body = EntraBodies.replaceDisplayName(FaultLedger.displayName(sequence),
                compliantDialect);
        if (send("/Users/" + user.id(), body, writer + (int) sequence)) {
            user.acknowledge(sequence);
        }
    }

    private void addMember(FaultLedger.Group group, FaultLedger.User member, int writer) {
        group.sent(member.id());
        ObjectNode body = EntraBodies.addMembers(List.of(member.id()));
        if (send("/Groups/" + group.id(), body, writer + group.sent().size())) {
            group.acknowledge(member.id());
        }
    }

    /**
     * Sends a PATCH to replica {@code choice} modulo their number, and to the next one if the
     * first refuses the connection.
     *
     * @return whether a replica acknowledged it with a 2xx
     */
    private boolean send(String path, ObjectNode body, int choice) {
        for (int attempt = 0; attempt < replicas.size(); attempt++) {
            int index = Math.floorMod(choice + attempt, replicas.size());
            inFlight.incrementAndGet(index);
            BenchHttp.Response response;
            try {
                response = replicas.get(index).scim(token, "PATCH", path, body);
            } finally {
                inFlight.decrementAndGet(index);
            }
            FaultAnswers.Kind kind = answers.record(response);
            if (kind != FaultAnswers.Kind.REFUSED) {
                return kind == FaultAnswers.Kind.ACKNOWLEDGED;
            }
        }
        return false;
    }

    private void pace(long due) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
