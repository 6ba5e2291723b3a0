package io.scimsync.schemas.events;

import java.util.Optional;

/**
 * The kinds of identity change event. The CloudEvents {@code type} attribute is a configurable
 * prefix, a dot and the {@link #suffix()}, such as {@code scimsync.user.renamed}. A suffix, once
 * released, is never removed or given another meaning, because consumers filter on it.
 */
public enum IdentityEventType {
    USER_CREATED("user.created", Kind.USER),
    USER_UPDATED("user.updated", Kind.USER),
    USER_DISABLED("user.disabled", Kind.USER),
    USER_ENABLED("user.enabled", Kind.USER),
    USER_RENAMED("user.renamed", Kind.USER),
    USER_DELETED("user.deleted", Kind.USER),
    GROUP_CREATED("group.created", Kind.GROUP),
    GROUP_UPDATED("group.updated", Kind.GROUP),
    GROUP_DELETED("group.deleted", Kind.GROUP),
    MEMBERSHIP_ADDED("membership.added", Kind.MEMBERSHIP),
    MEMBERSHIP_REMOVED("membership.removed", Kind.MEMBERSHIP);

    /** The kind of thing an event describes, which decides the shape of its {@code data}. */
    public enum Kind {
        USER,
        GROUP,
        MEMBERSHIP
    }

    private final String suffix;
    private final Kind kind;

    IdentityEventType(String suffix, Kind kind) {
        this.suffix = suffix;
        this.kind = kind;
    }

    /**
     * Returns the part of the CloudEvents {@code type} after the prefix, such as
     * {@code user.created}.
     */
    public String suffix() {
        return suffix;
    }

    public Kind kind() {
        return kind;
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
