package io.scimsync.schemas.events;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.ChangeEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One identity change event, the value that {@link IdentityEventCodec} writes as a CloudEvent.
 * {@link IdentityEventFactory} derives the events of an applied change.
 *
 * @param id the CloudEvents {@code id}: the same for every publication of the same event, so
 *     consumers deduplicate by it
 * @param tenantId the tenant, written as the CloudEvents {@code source} {@code /tenants/{id}}
 * @param subject the CloudEvents {@code subject}: the user's or the group's id, the group's id
 *     for membership events
 * @param time when the change was applied
 * @param sequence the position of the event among the events of its {@link #recordKey()},
 *     from 1
 */
public record IdentityEvent(
        String id,
        String tenantId,
        IdentityEventType type,
        String subject,
        Instant time,
        long sequence,
        EventData data) {

    public IdentityEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
        if (!expectedDataType(type).isInstance(data)) {
            throw new IllegalArgumentException(type.suffix() + " events need "
                    + expectedDataType(type).getSimpleName() + " data");
        }
    }

    /** Returns the CloudEvents {@code source}, {@code /tenants/{tenantId}}. */
    public String source() {
        return "/tenants/" + tenantId;
    }

    /**
     * Returns the Kafka record key on {@code identity.changes}, {@code tenant/resourceType/id}
     * as on the changes topic, such as {@code t-1/User/u-1}. Membership events are keyed by
     * their group, so that they are ordered with the group's own events.
     */
    public String recordKey() {
        ResourceType resourceType = type.kind() == IdentityEventType.Kind.USER
                ? ResourceType.USER
                : ResourceType.GROUP;
        return ChangeEvent.recordKey(tenantId, resourceType, subject);
    }

    /**
     * Returns the Kafka record key on the compacted {@code identity.state} topic: the
     * {@link #recordKey()} for users and groups, {@code tenant/membership/groupId/userId} for
     * memberships, so that each membership has a state record of its own.
     */
    public String stateKey() {
        if (data instanceof MembershipEventData membership) {
            return tenantId + "/membership/" + membership.groupId() + "/" + membership.userId();
        }
        return recordKey();
    }

    static Class<? extends EventData> expectedDataType(IdentityEventType type) {
        return switch (type.kind()) {
            case USER -> UserEventData.class;
            case GROUP -> GroupEventData.class;
            case MEMBERSHIP -> MembershipEventData.class;
        };
    }
}
