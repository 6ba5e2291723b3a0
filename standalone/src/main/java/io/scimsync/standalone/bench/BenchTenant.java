package io.scimsync.standalone.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tenant the workload writes to: its id, its SCIM token, its index in the generated names, and
 * the users and groups its initial cycle created.
 */
final class BenchTenant {

    private final int index;
    private final String id;
    private final String token;
    private final List<TrackedUser> users = new CopyOnWriteArrayList<>();
    private final List<TrackedGroup> groups = new CopyOnWriteArrayList<>();

    BenchTenant(int index, String id, String token) {
        this.index = index;
        this.id = id;
        this.token = token;
    }

    int index() {
        return index;
    }

    String id() {
        return id;
    }

    String token() {
        return token;
    }

    List<TrackedUser> users() {
        return users;
    }

    List<TrackedGroup> groups() {
        return groups;
    }
}
