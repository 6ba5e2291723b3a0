package io.scimsync.standalone.bench;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A user the bench created, with the state its acknowledged writes left it in. One client at a
 * time writes a user (it holds {@link #lock()} over the request), so the order of the responses is
 * the order of the changes. A write without a response (a timeout, a 5xx) leaves the state
 * unknown, and the final check skips the user.
 */
final class TrackedUser {

    private final BenchTenant tenant;
    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean active = true;
    private String title = "Engineer";
    private boolean deleted;
    private boolean unknown;

    TrackedUser(BenchTenant tenant, String id) {
        this.tenant = tenant;
        this.id = id;
    }

    BenchTenant tenant() {
        return tenant;
    }

    String id() {
        return id;
    }

    ReentrantLock lock() {
        return lock;
    }

    boolean active() {
        return active;
    }

    String title() {
        return title;
    }

    boolean deleted() {
        return deleted;
    }

    boolean unknown() {
        return unknown;
    }

    void acknowledgeActive(boolean value) {
        active = value;
    }

    void acknowledgeTitle(String value) {
        title = value;
    }

    void acknowledgeDelete() {
        deleted = true;
    }

    void markUnknown() {
        unknown = true;
    }
}
