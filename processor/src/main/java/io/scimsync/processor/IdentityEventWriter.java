package io.scimsync.processor;

import io.scimsync.schemas.change.ChangeCodec;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.MembershipNotice;
import io.scimsync.schemas.events.GroupProfile;
import io.scimsync.schemas.events.IdentityEvent;
import io.scimsync.schemas.events.IdentityEventCodec;
import io.scimsync.schemas.events.IdentityEventFactory;
import io.scimsync.schemas.events.MembershipKind;
import io.scimsync.schemas.events.UserProfile;
import io.scimsync.store.resource.OutboxRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns one applied change into the records it publishes: its identity events on the changes
 * topic, in order, and on the compacted state topic the last event of each key it touched, or a
 * tombstone where the key's resource or membership ended. Membership events carry the sequence
 * of their group's key and cover user members; a member group is not expanded.
 */
@Component
class IdentityEventWriter {

    private final IdentityEventCodec codec;
    private final ChangeCodec changeCodec = new ChangeCodec();

    IdentityEventWriter(@Value("${scimsync.events.type-prefix:scimsync}") String typePrefix) {
        this.codec = new IdentityEventCodec(typePrefix);
    }

    /** The users whose membership of one group a change starts or ends, by kind. */
    record MembershipChanges(List<String> addedDirect, List<String> addedIndirect,
            List<String> removedDirect, List<String> removedIndirect) {

        static final MembershipChanges NONE =
                new MembershipChanges(List.of(), List.of(), List.of(), List.of());
    }

    /** A change's records and the sequence of its resource's key after them. */
    record Written(List<OutboxRecord> records, long lastSequence) {

        boolean isEmpty() {
            return records.isEmpty();
        }
    }

    /**
     * The records of a change of one user.
     *
     * @param before the user's profile before the change, null when it is created
     * @param after the profile after it, null when it is deleted
     * @param endedGroups on a delete, the groups whose membership of the user ends
     */
    Written user(ChangeEvent change, Instant time, UserProfile before, UserProfile after,
            long sequence, Collection<String> endedGroups) {
        IdentityEventFactory factory = new IdentityEventFactory(change.tenantId(),
                change.changeId(), time);
        List<IdentityEvent> events = factory.user(change.resourceId(), before, after, sequence + 1);
        List<String> endedMemberships = endedGroups.stream()
                .map(groupId -> membershipKey(change.tenantId(), groupId, change.resourceId()))
                .toList();
        Written written = write(events, sequence, endedMemberships);
        List<OutboxRecord> records = new ArrayList<>(written.records());
        for (String groupId : endedGroups) {
            MembershipNotice notice = new MembershipNotice(change.tenantId(), groupId,
                    change.resourceId(), change.changeId());
            records.add(new OutboxRecord(OutboxRecord.NOTICES, notice.recordKey(),
                    changeCodec.encode(notice)));
        }
        return new Written(records, written.lastSequence());
    }

    /**
     * Returns the records of a notice that a member of a group was deleted: {@code membership.removed}
     * under the group's key and sequence. The notice is processed once per position, so its
     * event ids derive from the delete's change id and the group.
     */
    Written membershipEnded(MembershipNotice notice, Instant time, long sequence) {
        IdentityEventFactory factory = new IdentityEventFactory(notice.tenantId(),
                notice.changeId() + ":" + notice.groupId(), time);
        IdentityEvent removed = factory.membershipRemoved(notice.groupId(), notice.memberId(),
                MembershipKind.DIRECT, sequence + 1);
        return write(List.of(removed), sequence, List.of());
    }

    /**
     * The records of a change of one group.
     *
     * @param members the users whose direct or indirect membership the change starts or ends
     * @param endedMembers on a delete, the members whose membership ends
     */
    Written group(ChangeEvent change, Instant time, GroupProfile before, GroupProfile after,
            long sequence, MembershipChanges members, Collection<String> endedMembers) {
        IdentityEventFactory factory = new IdentityEventFactory(change.tenantId(),
                change.changeId(), time);
        String groupId = change.resourceId();
        List<IdentityEvent> events = new ArrayList<>();
        long next = sequence + 1;
        if (after == null) {
            // The group's memberships end before the group does, in the group's own order.
            for (String userId : members.removedDirect()) {
                events.add(factory.membershipRemoved(groupId, userId, MembershipKind.DIRECT, next++));
            }
            events.addAll(factory.group(groupId, before, null, next));
            return write(events, sequence, endedMembers.stream()
                    .map(memberId -> membershipKey(change.tenantId(), groupId, memberId))
                    .toList());
        }
        events.addAll(factory.group(groupId, before, after, next));
        next += events.size();
        for (String userId : members.addedDirect()) {
            events.add(factory.membershipAdded(groupId, userId, MembershipKind.DIRECT, next++));
        }
        for (String userId : members.addedIndirect()) {
            events.add(factory.membershipAdded(groupId, userId, MembershipKind.INDIRECT, next++));
        }
        for (String userId : members.removedDirect()) {
            events.add(factory.membershipRemoved(groupId, userId, MembershipKind.DIRECT, next++));
        }
        for (String userId : members.removedIndirect()) {
            events.add(factory.membershipRemoved(groupId, userId, MembershipKind.INDIRECT, next++));
        }
        List<String> endedMemberships = endedMembers.stream()
                .map(memberId -> membershipKey(change.tenantId(), groupId, memberId))
                .toList();
        return write(events, sequence, endedMemberships);
    }

    private Written write(List<IdentityEvent> events, long sequence,
            List<String> endedMemberships) {
        List<OutboxRecord> records = new ArrayList<>();
        Map<String, IdentityEvent> latestByStateKey = new LinkedHashMap<>();
        for (IdentityEvent event : events) {
            records.add(new OutboxRecord(OutboxRecord.CHANGES, event.recordKey(), codec.encode(event)));
            latestByStateKey.remove(event.stateKey());
            latestByStateKey.put(event.stateKey(), event);
        }
        for (IdentityEvent latest : latestByStateKey.values()) {
            records.add(new OutboxRecord(OutboxRecord.STATE, latest.stateKey(),
                    latest.type().endsState() ? null : codec.encode(latest)));
        }
        for (String key : endedMemberships) {
            records.add(new OutboxRecord(OutboxRecord.STATE, key, null));
        }
        return new Written(records, sequence + events.size());
    }

    private static String membershipKey(String tenantId, String groupId, String memberId) {
        return tenantId + "/membership/" + groupId + "/" + memberId;
    }
}
