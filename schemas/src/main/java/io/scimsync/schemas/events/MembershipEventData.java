package io.scimsync.schemas.events;

/**
 * The {@code data} of a membership event.
 *
 * <pre>
 * {"groupId": "g-1", "userId": "u-1", "membership": "direct"}
 * </pre>
 */
public record MembershipEventData(String groupId, String userId, MembershipKind membership)
        implements EventData {
}
