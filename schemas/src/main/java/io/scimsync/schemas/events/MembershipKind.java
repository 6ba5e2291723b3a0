package io.scimsync.schemas.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The kind of a user's membership in a group. Entra provisions only direct members, so only
 * {@link #DIRECT} memberships are reported. {@link #INDIRECT}, a membership inherited through a
 * nested group, is part of the first released contract so that reporting nested groups later
 * does not add an enum value that consumers have never seen.
 */
public enum MembershipKind {
    @JsonProperty("direct")
    DIRECT,
    @JsonProperty("indirect")
    INDIRECT
}
