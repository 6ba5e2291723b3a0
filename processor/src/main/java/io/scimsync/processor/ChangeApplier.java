package io.scimsync.processor;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.ChangeOutcome;
import io.scimsync.schemas.change.Operation;
import io.scimsync.schemas.change.OutcomeStatus;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.events.GroupProfile;
import io.scimsync.schemas.events.UserProfile;
import io.scimsync.schemas.patch.PatchEngine;
import io.scimsync.schemas.patch.PatchOperation;
import io.scimsync.schemas.patch.PatchRequestParser;
import io.scimsync.schemas.profile.ProfileDerivationException;
import io.scimsync.schemas.profile.ProfileMapper;
import io.scimsync.store.profile.StoredMapping;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.resource.ConcurrentWriteException;
import io.scimsync.store.resource.DirectoryProfile;
import io.scimsync.store.resource.MembershipWrites;
import io.scimsync.store.resource.OutboxEntry;
import io.scimsync.store.resource.OutboxRecord;
import io.scimsync.store.resource.ResourceSnapshots;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoredResource;
import io.scimsync.store.resource.UniqueKeys;
import io.scimsync.store.resource.UniquenessViolationException;
import io.scimsync.store.safeguard.RenamePolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies one change to the directory store, exactly once in effect: a change whose position is
 * not after the resource's applied position is a redelivery, so it gets an outcome without a
 * second write. A change that is wrong in itself (unknown resource, taken user name, invalid
 * PATCH) is rejected
 * with the SCIM error the client gets; nothing is written for it.
 */
@Component
public class ChangeApplier {

    private final ResourceStore resources;
    private final GroupMembers groupMembers;
    private final PatchEngine patchEngine;
    private final ProfileMapper profileMapper = new ProfileMapper();
    private final IdentityEventWriter events;
    private final Clock clock;

    public ChangeApplier(ResourceStore resources, GroupMembers groupMembers, PatchEngine patchEngine,
            IdentityEventWriter events) {
        this.resources = resources;
        this.events = events;
        this.groupMembers = groupMembers;
        this.patchEngine = patchEngine;
        this.clock = Clock.systemUTC();
    }

    /** Applies a change under the default policy: renames allowed, nothing held. */
    public ChangeOutcome apply(ChangeEvent change, ChangePosition position) {
        return apply(change, position, ApplyPolicy.UNGUARDED, new BatchReads(resources)).outcome();
    }

    /**
     * The outcome of applying one change, with the records it publishes: those it wrote to the
     * resource's outbox, or, for a redelivered change, those its first attempt wrote.
     */
    public record Result(ChangeOutcome outcome, List<OutboxRecord> records) {

        static Result of(ChangeOutcome outcome) {
            return new Result(outcome, List.of());
        }
    }

    /**
     * Applies a change, or sets it aside as held when it is a disable or delete that {@code policy} does not
     * admit: then nothing is written and the outcome is HELD with the resource as it will be.
     */
    public Result apply(ChangeEvent change, ChangePosition position, ApplyPolicy policy) {
        return apply(change, position, policy, new BatchReads(resources));
    }

    /**
     * Applies a change as {@link #apply(ChangeEvent, ChangePosition, ApplyPolicy)} does, with
     * the stored state the batch has read in {@code reads}.
     */
    Result apply(ChangeEvent change, ChangePosition position, ApplyPolicy policy,
            BatchReads reads) {
        if (isApplied(change, position, reads)) {
            return redelivered(change, position);
        }
        return applyNew(change, position, policy, reads);
    }

    /**
     * Applies a change the caller found not applied yet ({@link #isApplied}), sparing the
     * lookup of its position. Afterwards {@code reads} drops what the change may have made
     * stale: other resources' documents after a group change or a delete, everything after a
     * failure or a rejection.
     */
    Result applyNew(ChangeEvent change, ChangePosition position, ApplyPolicy policy,
            BatchReads reads) {
        Result result = null;
        try {
            result = applyNewStep(change, position, policy, reads);
            return result;
        } finally {
            if (result == null || result.outcome().status() == OutcomeStatus.REJECTED) {
                reads.forgetAll();
            } else if (BatchReads.touchesOthers(change.resourceType(), change.operation())) {
                reads.forgetAllBut(BatchReads.refOf(change));
            }
        }
    }

    private Result applyNewStep(ChangeEvent change, ChangePosition position, ApplyPolicy policy,
            BatchReads reads) {
        try {
            Step step = switch (change.operation()) {
                case CREATE -> create(change, position, policy, reads);
                case REPLACE -> replace(change, position, policy, reads);
                case PATCH -> patch(change, position, policy, reads);
                case DELETE -> delete(change, position, policy, reads);
            };
            if (step.held()) {
                return Result.of(ChangeOutcome.setAside(change.changeId(), OutcomeStatus.HELD,
                        step.expected() == null ? null : ResourceSnapshots.encode(step.expected())));
            }
            return new Result(ChangeOutcome.applied(change.changeId(),
                    step.written() == null ? null : ResourceSnapshots.encode(step.written())),
                    step.records());
        } catch (ScimException e) {
            if (isRedeliveredCreate(change, position, reads)) {
                return redelivered(change, position);
            }
            return Result.of(ChangeOutcome.rejected(change.changeId(), e.error()));
        } catch (ConcurrentWriteException e) {
            if (isRedeliveredCreate(change, position, reads)) {
                return redelivered(change, position);
            }
            throw e;
        }
    }

    /**
     * Records what one operation did: held (with the resource as it would be), or written (with
     * the resource as stored, null for a delete or a change that changed nothing).
     */
    private record Step(boolean held, StoredResource expected, StoredResource written,
            List<OutboxRecord> records) {

        static Step held(StoredResource expected) {
            return new Step(true, expected, null, List.of());
        }

        static Step written(StoredResource stored, List<OutboxRecord> records) {
            return new Step(false, null, stored, records);
        }
    }

    /**
     * Completes a change applied before: writes its memberships again, since an earlier attempt
     * may have stopped after the resource's write, and returns the records it published.
     */
    private Result redelivered(ChangeEvent change, ChangePosition position) {
        Optional<OutboxEntry> entry = resources.outboxEntry(change.tenantId(),
                change.resourceType(), change.resourceId(), position);
        entry.ifPresent(found -> groupMembers.write(change.tenantId(), change.resourceId(),
                found.membershipWrites()));
        List<OutboxRecord> records = entry.map(OutboxEntry::records).orElse(List.of());
        return new Result(ChangeOutcome.applied(change.changeId(), null), records);
    }

    /**
     * Returns whether the change was applied before: a redelivery gets its outcome without a write.
     */
    boolean isApplied(ChangeEvent change, ChangePosition position) {
        return isApplied(change, position, new BatchReads(resources));
    }

    /**
     * A CREATE is a redelivery when its resource was created and deleted already: ids are
     * assigned by ingress and never reused. A CREATE redelivered while its resource lives is
     * recognised when its insert finds the id taken, which spares a lookup of every new resource.
     */
    boolean isApplied(ChangeEvent change, ChangePosition position, BatchReads reads) {
        return change.operation() == Operation.CREATE
                ? reads.isDeleted(BatchReads.refOf(change)) : isRedelivery(change, position, reads);
    }

    /**
     * The resource as it will be once {@code change} is applied to the stored state, as well as
     * it can be worked out without applying it: the answer to a change that is set aside. Null for a
     * delete, and the stored resource when the change cannot be worked out on its own.
     */
    ObjectNode expectedResource(ChangeEvent change, BatchReads reads) {
        Instant now = clock.instant();
        if (change.operation() == Operation.CREATE) {
            ObjectNode attributes = ((ObjectNode) change.payload()).deepCopy();
            groupMembers.takeMembers(change.resourceType(), attributes);
            return ResourceSnapshots.encode(new StoredResource(change.tenantId(),
                    change.resourceType(), change.resourceId(), attributes, now, now, 1, List.of()));
        }
        if (change.operation() == Operation.DELETE) {
            return null;
        }
        return reads.find(BatchReads.refOf(change))
                .map(current -> expectedResource(change, current))
                .orElse(null);
    }

    /** The resource {@code base} as a REPLACE or PATCH will leave it, or {@code base} itself. */
    ObjectNode expectedResource(ChangeEvent change, StoredResource base) {
        try {
            ObjectNode attributes;
            if (change.operation() == Operation.REPLACE) {
                attributes = ((ObjectNode) change.payload()).deepCopy();
                groupMembers.takeMembers(change.resourceType(), attributes);
            } else {
                List<PatchOperation> operations = PatchRequestParser.parse(change.payload());
                attributes = patchEngine.apply(change.resourceType(), base.attributes(),
                        groupMembers.plan(base, operations).otherOperations());
            }
            return ResourceSnapshots.encode(base.withAttributes(attributes, clock.instant()));
        } catch (RuntimeException e) {
            return ResourceSnapshots.encode(base);
        }
    }

    /**
     * Whether a CREATE that failed on a taken id or user name did so because it was applied
     * before: the resource it would create is stored, at this change's position or later.
     */
    private boolean isRedeliveredCreate(ChangeEvent change, ChangePosition position,
            BatchReads reads) {
        if (change.operation() != Operation.CREATE) {
            return false;
        }
        // The failed insert may have met a resource this batch has not seen yet.
        reads.forget(BatchReads.refOf(change));
        return isRedelivery(change, position, reads);
    }

    private static boolean isRedelivery(ChangeEvent change, ChangePosition position,
            BatchReads reads) {
        Optional<ChangePosition> applied = reads.appliedPosition(BatchReads.refOf(change));
        return applied.isPresent() && !position.isAfter(applied.get());
    }

    private Step create(ChangeEvent change, ChangePosition position, ApplyPolicy policy,
            BatchReads reads) {
        ObjectNode attributes = ((ObjectNode) change.payload()).deepCopy();
        List<String> memberIds = groupMembers.takeMembers(change.resourceType(), attributes);
        var members = groupMembers.resolve(change.tenantId(), memberIds);
        Instant now = clock.instant();
        StoredResource resource = new StoredResource(change.tenantId(), change.resourceType(),
                change.resourceId(), attributes, now, now, 1, List.of());
        DirectoryProfile profile = profileOf(resource, policy);
        IdentityEventWriter.Written written = resource.type() == ResourceType.USER
                ? events.user(change, now, null, userProfile(profile, List.of()), 0, List.of())
                : events.group(change, now, null, groupProfile(resource), 0,
                        joining(resource, members), List.of());
        resource = withOutbox(resource, written, position, policy);
        // Members first: a crash before the insert leaves no position, so the redelivered change
        // is applied again, and the memberships are written again harmlessly.
        groupMembers.add(resource, members);
        try {
            insert(resource, position, profile);
        } catch (ScimException e) {
            // A redelivered create fails here too; its group exists and keeps its members.
            reads.forget(BatchReads.refOf(change));
            if (!isRedelivery(change, position, reads)) {
                groupMembers.removeAllOf(resource);
            }
            throw e;
        }
        reads.written(resource, position);
        return Step.written(resource, written.records());
    }

    private Step replace(ChangeEvent change, ChangePosition position, ApplyPolicy policy,
            BatchReads reads) {
        StoredResource current = existing(change, reads);
        ObjectNode attributes = ((ObjectNode) change.payload()).deepCopy();
        List<String> memberIds = groupMembers.takeMembers(change.resourceType(), attributes);
        StoredResource replaced = current.withAttributes(attributes, clock.instant());
        requireRenameAllowed(current, replaced, policy);
        requireUniqueKeyFree(current, replaced);
        DirectoryProfile profile = profileOf(replaced, policy);
        if (isDisable(current, replaced) && !policy.admitDeletion(change)) {
            return Step.held(replaced);
        }
        IdentityEventWriter.Written written;
        MembershipWrites writes = MembershipWrites.NONE;
        if (change.resourceType() == ResourceType.GROUP) {
            List<String> groupsBefore = groupMembers.memberGroupIds(current);
            List<String> leavingIndirect = groupMembers.indirectUsers(current, groupsBefore);
            GroupMembers.Diff diff = groupMembers.replaceDiff(current, memberIds);
            writes = diff.writes();
            List<String> joiningIndirect =
                    groupMembers.indirectUsersAfter(current, diff.addedGroups(), writes);
            List<String> stillIndirect = leavingIndirect.isEmpty() ? List.of()
                    : groupMembers.indirectUsersAfter(current,
                            groupMembers.memberGroupIdsAfter(current, writes), writes);
            written = events.group(change, replaced.lastModified(), groupProfile(current),
                    groupProfile(replaced), current.events().sequence(),
                    new IdentityEventWriter.MembershipChanges(diff.addedUsers(),
                            without(joiningIndirect, leavingIndirect), diff.removedUsers(),
                            without(leavingIndirect, stillIndirect)),
                    List.of());
        } else {
            written = userEvents(change, current, replaced, profile, policy);
        }
        StoredResource stored = withOutbox(replaced, written, writes, position, policy);
        update(stored, position, profile);
        groupMembers.write(current.tenantId(), current.id(), writes);
        reads.written(stored, position);
        return Step.written(stored, written.records());
    }

    private Step patch(ChangeEvent change, ChangePosition position, ApplyPolicy policy,
            BatchReads reads) {
        StoredResource current = existing(change, reads);
        List<PatchOperation> operations = PatchRequestParser.parse(change.payload());
        GroupMembers.Plan plan = groupMembers.plan(current, operations);
        ObjectNode patched = patchEngine.apply(
                change.resourceType(), current.attributes(), plan.otherOperations());
        if (plan.isEmpty() && patched.equals(current.attributes())) {
            return Step.written(current, List.of());
        }
        StoredResource result = current.withAttributes(patched, clock.instant());
        requireRenameAllowed(current, result, policy);
        requireUniqueKeyFree(current, result);
        DirectoryProfile profile = profileOf(result, policy);
        if (isDisable(current, result) && !policy.admitDeletion(change)) {
            return Step.held(result);
        }
        IdentityEventWriter.Written written;
        MembershipWrites writes = GroupMembers.writes(plan);
        if (change.resourceType() == ResourceType.GROUP) {
            List<String> removedUsers = groupMembers.usersAmong(current, plan.toRemove());
            List<String> removedGroups = plan.toRemove().stream()
                    .filter(id -> !removedUsers.contains(id)).toList();
            List<String> leavingIndirect = groupMembers.indirectUsers(current, removedGroups);
            List<String> stillIndirect = leavingIndirect.isEmpty() ? List.of()
                    : groupMembers.indirectUsersAfter(current,
                            groupMembers.memberGroupIdsAfter(current, writes), writes);
            List<String> joiningIndirect = groupMembers.indirectUsersAfter(current,
                    groupsAmong(plan.toAdd()), writes);
            written = events.group(change, result.lastModified(), groupProfile(current),
                    groupProfile(result), current.events().sequence(),
                    new IdentityEventWriter.MembershipChanges(usersAmong(plan.toAdd()),
                            without(joiningIndirect, leavingIndirect),
                            removedUsers, without(leavingIndirect, stillIndirect)),
                    List.of());
        } else {
            written = userEvents(change, current, result, profile, policy);
        }
        StoredResource stored = withOutbox(result, written, writes, position, policy);
        update(stored, position, profile);
        groupMembers.write(current.tenantId(), current.id(), writes);
        reads.written(stored, position);
        return Step.written(stored, written.records());
    }

    private Step delete(ChangeEvent change, ChangePosition position, ApplyPolicy policy,
            BatchReads reads) {
        StoredResource current = existing(change, reads);
        if (!policy.admitDeletion(change)) {
            return Step.held(null);
        }
        Instant now = clock.instant();
        IdentityEventWriter.Written written = current.type() == ResourceType.USER
                ? events.user(change, now, userProfileOf(current, policy), null,
                        current.events().sequence(), current.groupIds())
                : events.group(change, now, groupProfile(current), null,
                        current.events().sequence(), endingMemberships(current),
                        groupMembers.memberIds(current));
        MembershipWrites writes = groupMembers.leaving(current);
        resources.delete(withOutbox(current, written, writes, position, policy), position);
        groupMembers.write(current.tenantId(), current.id(), writes);
        reads.deletedBy(BatchReads.refOf(change), position);
        return Step.written(null, written.records());
    }

    private IdentityEventWriter.Written userEvents(ChangeEvent change, StoredResource before,
            StoredResource after, DirectoryProfile afterProfile, ApplyPolicy policy) {
        return events.user(change, after.lastModified(), userProfileOf(before, policy),
                userProfile(afterProfile, before.groupIds()), before.events().sequence(),
                List.of());
    }

    /**
     * Returns the user's profile as the tenant's mapping derives it from the stored attributes, or
     * the stored profile when the mapping no longer derives one.
     */
    private UserProfile userProfileOf(StoredResource user, ApplyPolicy policy) {
        try {
            return userProfile(profileOf(user, policy), user.groupIds());
        } catch (ProfileDerivationException e) {
            return resources.findProfile(user.tenantId(), user.id())
                    .map(stored -> UserProfile.from(stored.fields(), user.groupIds()))
                    .orElseThrow(() -> e);
        }
    }

    private static UserProfile userProfile(DirectoryProfile profile, List<String> groupIds) {
        return UserProfile.from(profile.fields(), groupIds);
    }

    private static GroupProfile groupProfile(StoredResource group) {
        JsonNode externalId = group.attributes().get("externalId");
        return new GroupProfile(group.attributes().path("displayName").asString(),
                externalId == null || !externalId.isString() ? null : externalId.stringValue());
    }

    /** The users whose direct membership ends with the group's delete. */
    private IdentityEventWriter.MembershipChanges endingMemberships(StoredResource group) {
        List<String> users = groupMembers.usersAmong(group,
                new java.util.LinkedHashSet<>(groupMembers.memberIds(group)));
        return new IdentityEventWriter.MembershipChanges(List.of(), List.of(), users, List.of());
    }

    /** The membership changes of a group created with {@code members}. */
    private IdentityEventWriter.MembershipChanges joining(StoredResource group,
            Map<String, ResourceType> members) {
        List<String> direct = usersAmong(members);
        List<String> indirect = without(groupMembers.indirectUsers(group, groupsAmong(members)),
                direct);
        return new IdentityEventWriter.MembershipChanges(direct, indirect, List.of(), List.of());
    }

    private static List<String> without(List<String> ids, List<String> excluded) {
        return ids.stream().filter(id -> !excluded.contains(id)).toList();
    }

    private static List<String> groupsAmong(Map<String, ResourceType> members) {
        return members.entrySet().stream()
                .filter(member -> member.getValue() == ResourceType.GROUP)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<String> usersAmong(Map<String, ResourceType> members) {
        return members.entrySet().stream()
                .filter(member -> member.getValue() == ResourceType.USER)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The resource with the change's records appended to its outbox, if it has any. */
    private static StoredResource withOutbox(StoredResource resource,
            IdentityEventWriter.Written written, ChangePosition position, ApplyPolicy policy) {
        return withOutbox(resource, written, MembershipWrites.NONE, position, policy);
    }

    /**
     * Returns the resource with an outbox entry for the change's records and the membership
     * writes that follow the resource's own write, or the resource as it is when both are empty.
     */
    private static StoredResource withOutbox(StoredResource resource,
            IdentityEventWriter.Written written, MembershipWrites writes, ChangePosition position,
            ApplyPolicy policy) {
        if (written.isEmpty() && writes.isEmpty()) {
            return resource;
        }
        ChangePosition processedAt = policy.processedAt(position);
        OutboxEntry entry = new OutboxEntry(position, processedAt, written.records(), writes);
        return resource.withEvents(resource.events().append(entry, written.lastSequence(),
                policy.uncommittedFrom(processedAt)));
    }

    /**
     * Returns a user whose {@code active} turns false; a user without {@code active} counts as
     * active.
     */
    private static boolean isDisable(StoredResource before, StoredResource after) {
        return before.type() == ResourceType.USER && !isInactive(before) && isInactive(after);
    }

    private static boolean isInactive(StoredResource user) {
        JsonNode active = user.attributes().get("active");
        return active != null && active.isBoolean() && !active.booleanValue();
    }

    /**
     * Rejects a new {@code userName} under the reject policy. A change of case only is not a
     * rename: user names compare without regard to case.
     */
    private static void requireRenameAllowed(StoredResource before, StoredResource after,
            ApplyPolicy policy) {
        if (before.type() != ResourceType.USER || policy.renamePolicy() != RenamePolicy.REJECT) {
            return;
        }
        String was = before.attributes().path("userName").asString("");
        String now = after.attributes().path("userName").asString("");
        if (!was.equalsIgnoreCase(now)) {
            throw ScimException.mutability("userName cannot change for this tenant: its rename"
                    + " policy is 'reject'; keep userName '" + was + "' or ask the operator to"
                    + " allow renames");
        }
    }

    /**
     * The stored resource the change applies to, at the version its {@code If-Match} requires.
     *
     * @throws ScimException 404 when it does not exist, 412 when it is at another version
     */
    private static StoredResource existing(ChangeEvent change, BatchReads reads) {
        StoredResource current = reads.find(BatchReads.refOf(change))
                .orElseThrow(() -> ScimException.notFound(change.resourceType().scimName() + " "
                        + change.resourceId() + " not found"));
        Long expected = change.expectedVersion();
        if (expected != null && expected != current.version()) {
            throw ScimException.preconditionFailed(change.resourceType().scimName() + " "
                    + change.resourceId() + " is at version W/\"" + current.version()
                    + "\", not W/\"" + expected + "\"; read it again and retry");
        }
        return current;
    }

    /**
     * The directory profile of a user as {@code resource} will be, null for a group.
     *
     * @throws ProfileDerivationException when the tenant's mapping yields no valid profile for it
     */
    private DirectoryProfile profileOf(StoredResource resource, ApplyPolicy policy) {
        if (resource.type() != ResourceType.USER) {
            return null;
        }
        StoredMapping mapping = policy.mapping();
        return new DirectoryProfile(
                profileMapper.derive(mapping.mapping(), resource.attributes()), mapping.version());
    }

    private void insert(StoredResource resource, ChangePosition position, DirectoryProfile profile) {
        try {
            if (profile == null) {
                resources.insert(resource, position);
            } else {
                resources.insert(resource, position, profile);
            }
        } catch (UniquenessViolationException e) {
            throw uniqueness(resource);
        }
    }

    private void update(StoredResource resource, ChangePosition position, DirectoryProfile profile) {
        try {
            if (profile == null) {
                resources.update(resource, position);
            } else {
                resources.update(resource, position, profile);
            }
        } catch (UniquenessViolationException e) {
            throw uniqueness(resource);
        }
    }

    /**
     * Rejects a change to a taken unique key before any membership is written, since the
     * memberships of a group are separate documents that the failing update would not undo.
     * NOTE: a concurrent rename of another resource to the same key between this check and the
     * update still fails the update, after the memberships were written.
     */
    private void requireUniqueKeyFree(StoredResource before, StoredResource resource) {
        String key = UniqueKeys.of(resource.type(), resource.attributes());
        if (key == null || key.equals(UniqueKeys.of(before.type(), before.attributes()))) {
            return;
        }
        Optional<String> holder = resources.findIdByUniqueKey(resource.tenantId(), resource.type(), key);
        if (holder.isPresent() && !holder.get().equals(resource.id())) {
            throw uniqueness(resource);
        }
    }

    private static ScimException uniqueness(StoredResource resource) {
        String attribute = UniqueKeys.attributeName(resource.type());
        return ScimException.uniqueness("another " + resource.type().scimName() + " already has "
                + attribute + " '" + resource.attributes().path(attribute).asString()
                + "'; " + attribute + " is unique per tenant, compared without regard to case");
    }
}
