package io.scimsync.schemas.events;

/** The {@code data} of an identity change event; its shape follows the event type's subject. */
public sealed interface EventData permits UserEventData, GroupEventData, MembershipEventData {
}
