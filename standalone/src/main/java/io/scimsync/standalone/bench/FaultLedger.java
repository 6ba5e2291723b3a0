package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The record of the fault test's writes to each resource, and of which were acknowledged. Each
 * user and group is written by one load thread only, one request at a time, so the order of its
 * sequence numbers is the order in which the ingress received the requests.
 */
final class FaultLedger {

    private static final String DISPLAY_NAME_PREFIX = "Fault Sequence ";

    private FaultLedger() {
    }

    /** Returns the display name that a user's update with sequence number {@code sequence} sets. */
    static String displayName(long sequence) {
        return DISPLAY_NAME_PREFIX + sequence;
    }

    /**
     * Returns the sequence number in a display name that {@link #displayName} made, 0 for the
     * name the user was created with, or -1 for any other text.
     */
    static long sequence(String displayName) {
        if (displayName == null || !displayName.startsWith(DISPLAY_NAME_PREFIX)) {
            return displayName != null && displayName.startsWith("Bench User ") ? 0 : -1;
        }
        try {
            return Long.parseLong(displayName.substring(DISPLAY_NAME_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A user whose display name the load sets to {@code Fault Sequence <n>}, with n counting
     * from 1. Every request carries a number of its own, including one sent again after a 503
     * or a lost connection, so that an update applied twice shows as a repeated number.
     */
    static final class User {

        private final String id;
        private final List<Long> sent = new ArrayList<>();
        private final Set<Long> acknowledged = new LinkedHashSet<>();
        private long lastSequence;

        User(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        long nextSequence() {
            lastSequence++;
            sent.add(lastSequence);
            return lastSequence;
        }

        void acknowledge(long sequence) {
            acknowledged.add(sequence);
        }

        /** Returns the sequence numbers sent, in the order they were sent. */
        List<Long> sent() {
            return sent;
        }

        Set<Long> acknowledged() {
            return acknowledged;
        }

        /** Returns the highest acknowledged sequence number, 0 when none was acknowledged. */
        long lastAcknowledged() {
            return acknowledged.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    /** A group that the load adds members to, one user per request. */
    static final class Group {

        private final String id;
        private final Set<String> sent = new LinkedHashSet<>();
        private final Set<String> acknowledged = new LinkedHashSet<>();

        Group(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        void sent(String userId) {
            sent.add(userId);
        }

        void acknowledge(String userId) {
            acknowledged.add(userId);
        }

        Set<String> sent() {
            return sent;
        }

        Set<String> acknowledged() {
            return acknowledged;
        }
    }
}
