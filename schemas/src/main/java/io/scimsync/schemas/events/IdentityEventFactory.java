package io.scimsync.schemas.events;

import io.scimsync.schemas.profile.ProfileField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives the identity change events of one applied change from the profiles before and after
 * it. One factory serves one change: it numbers the events it derives, and the number feeds the
 * event id, so deriving the same change again in the same order yields the same ids.
 *
 * <p>An update of a user reports each changed field in exactly one event, in this order:
 * <ol>
 *   <li>{@code user.renamed} when {@code principalName} changed, with
 *       {@code previousPrincipalName};
 *   <li>{@code user.updated} when any other field changed;
 *   <li>{@code user.disabled} when {@code active} turned false, {@code user.enabled} when it
 *       turned from false to true or absent. A change between true and absent is an update.
 * </ol>
 * So a change that renames and disables a user yields {@code user.renamed} then
 * {@code user.disabled}. Every event carries the profile after the whole change. An update that
 * changes no profile field yields no event. A created user yields only {@code user.created},
 * also when it is created disabled.
 *
 * <p>The caller passes the next sequence of the resource's record key; the events take it and
 * the numbers after it, so the caller's next sequence is {@code firstSequence} plus the number
 * of events returned. Membership events share the sequence of their group's key.
 *
 * <p>Not thread-safe.
 */
public final class IdentityEventFactory {

    private static final String PRINCIPAL_NAME = ProfileField.PRINCIPAL_NAME.jsonName();
    private static final String ACTIVE = ProfileField.ACTIVE.jsonName();

    private final String tenantId;
    private final String changeId;
    private final Instant time;
    private final List<IdentityEvent> events = new ArrayList<>();

    /**
     * @param changeId the id of the applied change ({@code ChangeEvent.changeId()})
     * @param time when the change was applied, the CloudEvents {@code time} of its events
     */
    public IdentityEventFactory(String tenantId, String changeId, Instant time) {
        this.tenantId = requireId(tenantId, "tenantId");
        this.changeId = requireId(changeId, "changeId");
        this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * Derives the events of a change of one user.
     *
     * @param before the profile before the change, null for a created user
     * @param after the profile after the change, null for a deleted user
     * @return the events in publication order, possibly none
     */
    public List<IdentityEvent> user(
            String userId, UserProfile before, UserProfile after, long firstSequence) {
        requireId(userId, "userId");
        requireOneProfile(before, after);
        Sequence sequence = new Sequence(firstSequence);
        List<IdentityEvent> derived = new ArrayList<>();
        if (before == null) {
            derived.add(userEvent(IdentityEventType.USER_CREATED, userId, sequence,
                    new UserEventData(after, changedFields(null, after), null)));
        } else if (after == null) {
            derived.add(userEvent(IdentityEventType.USER_DELETED, userId, sequence,
                    new UserEventData(before, changedFields(before, null), null)));
        } else {
            deriveUserUpdate(userId, before, after, sequence, derived);
        }
        return derived;
    }

    /**
     * Derives the event of a change of one group's profile: {@code group.created},
     * {@code group.updated} (a rename included) or {@code group.deleted}, or none when no field
     * changed. Member changes are reported with {@link #membershipAdded} and
     * {@link #membershipRemoved}.
     *
     * @param before the profile before the change, null for a created group
     * @param after the profile after the change, null for a deleted group
     */
    public List<IdentityEvent> group(
            String groupId, GroupProfile before, GroupProfile after, long firstSequence) {
        requireId(groupId, "groupId");
        requireOneProfile(before, after);
        List<String> changed = changedFields(before, after);
        if (changed.isEmpty()) {
            return List.of();
        }
        IdentityEventType type = before == null ? IdentityEventType.GROUP_CREATED
                : after == null ? IdentityEventType.GROUP_DELETED
                : IdentityEventType.GROUP_UPDATED;
        GroupProfile profile = after == null ? before : after;
        return List.of(add(type, groupId, firstSequence, new GroupEventData(profile, changed)));
    }

    /** Derives the event of a user becoming a member of a group, keyed by the group. */
    public IdentityEvent membershipAdded(
            String groupId, String userId, MembershipKind kind, long sequence) {
        return membership(IdentityEventType.MEMBERSHIP_ADDED, groupId, userId, kind, sequence);
    }

    /** Derives the event of a user ceasing to be a member of a group, keyed by the group. */
    public IdentityEvent membershipRemoved(
            String groupId, String userId, MembershipKind kind, long sequence) {
        return membership(IdentityEventType.MEMBERSHIP_REMOVED, groupId, userId, kind, sequence);
    }

    /** Returns every event this factory derived, in the order it derived them. */
    public List<IdentityEvent> events() {
        return List.copyOf(events);
    }

    private void deriveUserUpdate(String userId, UserProfile before, UserProfile after,
            Sequence sequence, List<IdentityEvent> derived) {
        List<String> changed = changedFields(before, after);
        IdentityEventType lifecycle = lifecycleType(before, after);
        if (changed.contains(PRINCIPAL_NAME)) {
            derived.add(userEvent(IdentityEventType.USER_RENAMED, userId, sequence,
                    new UserEventData(after, List.of(PRINCIPAL_NAME), before.principalName())));
        }
        List<String> updated = changed.stream()
                .filter(field -> !field.equals(PRINCIPAL_NAME))
                .filter(field -> lifecycle == null || !field.equals(ACTIVE))
                .toList();
        if (!updated.isEmpty()) {
            derived.add(userEvent(IdentityEventType.USER_UPDATED, userId, sequence,
                    new UserEventData(after, updated, null)));
        }
        if (lifecycle != null) {
            derived.add(userEvent(lifecycle, userId, sequence,
                    new UserEventData(after, List.of(ACTIVE), null)));
        }
    }

    /**
     * Returns disabled or enabled when the change flips whether the user is enabled, otherwise
     * null. A change of {@code active} between true and absent is an update, because both
     * count as enabled.
     */
    private static IdentityEventType lifecycleType(UserProfile before, UserProfile after) {
        if (before.enabled() && !after.enabled()) {
            return IdentityEventType.USER_DISABLED;
        }
        if (!before.enabled() && after.enabled()) {
            return IdentityEventType.USER_ENABLED;
        }
        return null;
    }

    private IdentityEvent userEvent(
            IdentityEventType type, String userId, Sequence sequence, UserEventData data) {
        return add(type, userId, sequence.take(), data);
    }

    private IdentityEvent membership(IdentityEventType type, String groupId, String userId,
            MembershipKind kind, long sequence) {
        requireId(groupId, "groupId");
        requireId(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        return add(type, groupId, sequence, new MembershipEventData(groupId, userId, kind));
    }

    private IdentityEvent add(IdentityEventType type, String subject, long sequence,
            EventData data) {
        String id = EventIds.eventId(tenantId, changeId, events.size());
        IdentityEvent event = new IdentityEvent(id, tenantId, type, subject, time, sequence, data);
        events.add(event);
        return event;
    }

    /**
     * Lists the fields whose values differ, in the profile's field order. A missing profile
     * counts as one whose fields all have no value.
     */
    static List<String> changedFields(EventProfile before, EventProfile after) {
        Map<String, Object> old = before == null ? Map.of() : before.fieldValues();
        Map<String, Object> current = after == null ? Map.of() : after.fieldValues();
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(current.keySet());
        return names.stream()
                .filter(name -> !Objects.equals(old.get(name), current.get(name)))
                .toList();
    }

    private static void requireOneProfile(Object before, Object after) {
        if (before == null && after == null) {
            throw new IllegalArgumentException(
                    "a change needs the profile before it, after it, or both");
        }
    }

    /** Rejects ids that would make a record key ambiguous, because keys join ids with '/'. */
    private static String requireId(String id, String name) {
        if (id == null || id.isBlank() || id.indexOf('/') >= 0) {
            throw new IllegalArgumentException(
                    name + " must be a non-blank id without '/', was '" + id + "'");
        }
        return id;
    }

    /** The sequence numbers of one key, handed out one after the other. */
    private static final class Sequence {

        private long next;

        Sequence(long first) {
            if (first < 1) {
                throw new IllegalArgumentException("sequences start at 1, was " + first);
            }
            this.next = first;
        }

        long take() {
            return next++;
        }
    }
}
