package io.scimsync.standalone.bench;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A group the bench created, with the member ids its acknowledged writes left it with. As for
 * {@link TrackedUser}, one client at a time writes a group, and a write without a success
 * response makes its members unknown.
 */
final class TrackedGroup {

    private final BenchTenant tenant;
    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<String> memberIds = new LinkedHashSet<>();
    private boolean unknown;

    TrackedGroup(BenchTenant tenant, String id) {
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

    /** Returns the expected member ids; read and change it only while holding {@link #lock()}. */
    Set<String> memberIds() {
        return memberIds;
    }

    boolean unknown() {
        return unknown;
    }

    void markUnknown() {
        unknown = true;
    }
}
