package io.scimsync.schemas.events;

import java.util.Optional;

/**
 * The kinds of identity change event. The CloudEvents {@code type} attribute is a configurable
 * prefix, a dot and the {@link #suffix()}, such as {@code scimsync.user.renamed}. A suffix, once
 * released, is never removed or given another meaning, because consumers filter on it.
 */
public enum IdentityEventType {
    USER_CREATED("user.created", Subject.USER),
    USER_UPDATED("user.updated", Subject.USER),
    USER_DISABLED("user.disabled", Subject.USER),
    USER_ENABLED("user.enabled", Subject.USER),
    USER_RENAMED("user.renamed", Subject.USER),
    USER_DELETED("user.deleted", Subject.USER),
    GROUP_CREATED("group.created", Subject.GROUP),
    GROUP_UPDATED("group.updated", Subject.GROUP),
    GROUP_DELETED("group.deleted", Subject.GROUP),
    MEMBERSHIP_ADDED("membership.added", Subject.MEMBERSHIP),
    MEMBERSHIP_REMOVED("membership.removed", Subject.MEMBERSHIP);

    /** The thing an event describes, which decides the shape of its {@code data}. */
    public enum Subject {
        USER,
        GROUP,
        MEMBERSHIP
    }

    private final String suffix;
    private final Subject subject;

    IdentityEventType(String suffix, Subject subject) {
        this.suffix = suffix;
        this.subject = subject;
    }

    /**
     * Returns the part of the CloudEvents {@code type} after the prefix, such as
     * {@code user.created}.
     */
    public String suffix() {
        return suffix;
    }

    public Subject subject() {
        return subject;
    }

    /**
     * Returns whether the event ends the state of its key on the compacted {@code identity.state}
     * topic, where the publisher writes a tombstone instead of the event.
     */
    public boolean endsState() {
        return this == USER_DELETED || this == GROUP_DELETED || this == MEMBERSHIP_REMOVED;
    }

    /** Returns the classpath resource of the current JSON Schema of this type's events. */
    public String schemaResource() {
        return "/io/scimsync/schemas/events/" + suffix + ".schema.json";
    }

    /** Returns the type whose suffix is {@code suffix}, matching case exactly. */
    public static Optional<IdentityEventType> fromSuffix(String suffix) {
        for (IdentityEventType type : values()) {
            if (type.suffix.equals(suffix)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
