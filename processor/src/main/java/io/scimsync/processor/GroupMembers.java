package io.scimsync.processor;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.patch.MemberPatch;
import io.scimsync.schemas.patch.PatchOperation;
import io.scimsync.store.resource.GroupHierarchy;
import io.scimsync.store.resource.MembershipStore;
import io.scimsync.store.resource.MembershipWrites;
import io.scimsync.store.resource.Membership;
import io.scimsync.store.resource.StoredResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Group membership changes, kept apart from the group document so that a PATCH adding members
 * to a group of 100,000 never loads them all. Adding a member that is one already, or removing
 * one that is not, changes nothing and succeeds, as Entra expects.
 */
@Component
class GroupMembers {

    private final MembershipStore memberships;
    private final GroupHierarchy hierarchy;

    GroupMembers(MembershipStore memberships, GroupHierarchy hierarchy) {
        this.memberships = memberships;
        this.hierarchy = hierarchy;
    }

    /** The member changes and the other operations of one PATCH, checked and ready to write. */
    record Plan(List<PatchOperation> otherOperations, Map<String, ResourceType> toAdd,
            Set<String> toRemove) {

        boolean isEmpty() {
            return toAdd.isEmpty() && toRemove.isEmpty();
        }
    }

    /** Removes {@code members} from a group's attributes and returns the member ids. */
    List<String> takeMembers(ResourceType type, ObjectNode attributes) {
        JsonNode members = attributes.remove("members");
        List<String> ids = new ArrayList<>();
        if (type == ResourceType.GROUP && members != null) {
            members.values().forEach(member -> ids.add(member.path("value").asString()));
        }
        return ids;
    }

    /**
     * The users and groups behind {@code memberIds}.
     *
     * @throws ScimException {@code invalidValue} naming the first id that is no resource of the tenant
     */
    Map<String, ResourceType> resolve(String tenantId, List<String> memberIds) {
        Set<String> distinct = new LinkedHashSet<>(memberIds);
        Map<String, ResourceType> found = memberships.resolveMembers(tenantId, distinct);
        for (String id : distinct) {
            if (!found.containsKey(id)) {
                throw ScimException.invalidValue("member '" + id + "' is not a User or Group of"
                        + " this tenant; create it first, then add it as a member");
            }
        }
        return found;
    }

    void add(StoredResource group, Map<String, ResourceType> members) {
        rejectSelf(group, members.keySet());
        rejectCycles(group, members);
        memberships.add(group.tenantId(), group.id(), members);
    }

    /**
     * The users and groups a replace makes direct members of a group, those it removes, and the
     * membership writes that carry it out.
     */
    record Diff(List<String> addedUsers, List<String> removedUsers, List<String> addedGroups,
            List<String> removedGroups, MembershipWrites writes) {
    }

    /** Compares the members a replace requests with the current ones, without writing. */
    Diff replaceDiff(StoredResource group, List<String> memberIds) {
        Map<String, ResourceType> requested = resolve(group.tenantId(), memberIds);
        rejectSelf(group, requested.keySet());
        rejectCycles(group, requested);
        List<Membership> current = memberships.members(group.tenantId(), group.id());
        Set<String> stale = new LinkedHashSet<>();
        List<String> removedUsers = new ArrayList<>();
        List<String> removedGroups = new ArrayList<>();
        Set<String> currentIds = new LinkedHashSet<>();
        for (Membership membership : current) {
            currentIds.add(membership.memberId());
            if (!requested.containsKey(membership.memberId())) {
                stale.add(membership.memberId());
                (membership.memberType() == ResourceType.USER ? removedUsers : removedGroups)
                        .add(membership.memberId());
            }
        }
        List<String> addedUsers = new ArrayList<>();
        List<String> addedGroups = new ArrayList<>();
        requested.forEach((id, type) -> {
            if (!currentIds.contains(id)) {
                (type == ResourceType.USER ? addedUsers : addedGroups).add(id);
            }
        });
        return new Diff(addedUsers, removedUsers, addedGroups, removedGroups,
                MembershipWrites.members(requested, stale));
    }

    /** Returns the users among {@code memberIds}, which are current members of {@code group}. */
    List<String> usersAmong(StoredResource group, Set<String> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        Map<String, ResourceType> types = memberships.resolveMembers(group.tenantId(), memberIds);
        return memberIds.stream().filter(id -> types.get(id) == ResourceType.USER).toList();
    }

    /** Returns the ids of the group's direct members. */
    List<String> memberIds(StoredResource group) {
        return currentMemberIds(group);
    }

    /** Returns the ids of the groups that are direct members of the group. */
    List<String> memberGroupIds(StoredResource group) {
        return memberships.members(group.tenantId(), group.id()).stream()
                .filter(member -> member.memberType() == ResourceType.GROUP)
                .map(Membership::memberId)
                .toList();
    }

    Plan plan(StoredResource resource, List<PatchOperation> operations) {
        if (resource.type() != ResourceType.GROUP) {
            return new Plan(operations, Map.of(), Set.of());
        }
        MemberPatch.Split split = MemberPatch.split(operations);
        Map<String, ResourceType> toAdd = new LinkedHashMap<>();
        Set<String> toRemove = new LinkedHashSet<>();
        for (MemberPatch.MemberOp op : split.memberOps()) {
            applyToPlan(resource, op, toAdd, toRemove);
        }
        rejectSelf(resource, toAdd.keySet());
        keepOnlyActualChanges(resource, toAdd, toRemove);
        rejectCycles(resource, toAdd);
        return new Plan(split.others(), toAdd, toRemove);
    }

    /**
     * Drops adds of existing members and removes of non-members, so that a repeated PATCH
     * changes nothing, not even the group's version.
     */
    private void keepOnlyActualChanges(
            StoredResource group, Map<String, ResourceType> toAdd, Set<String> toRemove) {
        Set<String> named = new LinkedHashSet<>(toAdd.keySet());
        named.addAll(toRemove);
        Set<String> members = memberships.directMembersAmong(group.tenantId(), group.id(), named);
        toAdd.keySet().removeAll(members);
        toRemove.retainAll(members);
    }

    /** Returns the membership writes of a PATCH's member changes. */
    static MembershipWrites writes(Plan plan) {
        return MembershipWrites.members(plan.toAdd(), plan.toRemove());
    }

    /**
     * Returns the membership writes of a resource's delete: it leaves its groups, and a group
     * loses its members.
     */
    MembershipWrites leaving(StoredResource resource) {
        List<String> members = resource.type() == ResourceType.GROUP
                ? currentMemberIds(resource) : List.of();
        return new MembershipWrites(Map.of(), members, resource.groupIds());
    }

    /**
     * Writes the memberships of a change of resource {@code resourceId}, after its document was
     * written, and again when the change is redelivered.
     */
    void write(String tenantId, String resourceId, MembershipWrites writes) {
        memberships.apply(tenantId, resourceId, writes);
    }

    /**
     * Returns the ids of the groups that are direct members of the group once {@code writes}
     * are written.
     */
    List<String> memberGroupIdsAfter(StoredResource group, MembershipWrites writes) {
        Set<String> groups = new LinkedHashSet<>(memberGroupIds(group));
        groups.removeAll(writes.remove());
        writes.add().forEach((id, type) -> {
            if (type == ResourceType.GROUP) {
                groups.add(id);
            }
        });
        return List.copyOf(groups);
    }

    /** Removes a resource whose create failed from the groups the create had written. */
    void removeAllOf(StoredResource resource) {
        memberships.removeMember(resource.tenantId(), resource.id(), resource.groupIds());
        if (resource.type() == ResourceType.GROUP) {
            memberships.removeGroup(resource.tenantId(), resource.id());
        }
    }

    private void applyToPlan(StoredResource group, MemberPatch.MemberOp op,
            Map<String, ResourceType> toAdd, Set<String> toRemove) {
        switch (op.kind()) {
            case ADD -> {
                Map<String, ResourceType> added = resolve(group.tenantId(), op.memberIds());
                toAdd.putAll(added);
                toRemove.removeAll(added.keySet());
            }
            case REMOVE -> removeFromPlan(op.memberIds(), toAdd, toRemove);
            case REMOVE_ALL -> removeFromPlan(allMemberIds(group, toAdd), toAdd, toRemove);
            case REPLACE -> {
                removeFromPlan(allMemberIds(group, toAdd), toAdd, toRemove);
                Map<String, ResourceType> added = resolve(group.tenantId(), op.memberIds());
                toAdd.putAll(added);
                toRemove.removeAll(added.keySet());
            }
        }
    }

    private static void removeFromPlan(
            List<String> ids, Map<String, ResourceType> toAdd, Set<String> toRemove) {
        ids.forEach(toAdd::remove);
        toRemove.addAll(ids);
    }

    private List<String> allMemberIds(StoredResource group, Map<String, ResourceType> planned) {
        Set<String> all = new LinkedHashSet<>(currentMemberIds(group));
        all.addAll(planned.keySet());
        return List.copyOf(all);
    }

    private List<String> currentMemberIds(StoredResource group) {
        return memberships.members(group.tenantId(), group.id()).stream()
                .map(Membership::memberId).toList();
    }

    /**
     * Rejects a member group that already contains {@code group}, directly or through other
     * groups: adding it would make a cycle.
     */
    private void rejectCycles(StoredResource group, Map<String, ResourceType> members) {
        // NOTE: the check reads the member group's members before this write lands, so two
        // concurrent writes on different partitions can still nest two groups in each other.
        for (Map.Entry<String, ResourceType> member : members.entrySet()) {
            if (member.getValue() == ResourceType.GROUP
                    && hierarchy.nested(group.tenantId(), member.getKey()).contains(group.id())) {
                throw ScimException.invalidValue("group " + member.getKey() + " cannot become a"
                        + " member of group " + group.id() + ": it already contains that group,"
                        + " so the groups would contain each other");
            }
        }
    }

    /**
     * Returns the users who gain or lose indirect membership of {@code group} when the member
     * groups {@code memberGroupIds} join or leave it: their users, except the group's direct
     * members.
     */
    List<String> indirectUsers(StoredResource group, Collection<String> memberGroupIds) {
        return indirectUsersAfter(group, memberGroupIds, MembershipWrites.NONE);
    }

    /**
     * Returns what {@link #indirectUsers} returns once {@code writes} are written: users that
     * the writes add as direct members are left out, and those they remove are not.
     */
    List<String> indirectUsersAfter(StoredResource group, Collection<String> memberGroupIds,
            MembershipWrites writes) {
        if (memberGroupIds.isEmpty()) {
            return List.of();
        }
        Set<String> users = new LinkedHashSet<>();
        for (String memberGroup : memberGroupIds) {
            users.addAll(hierarchy.users(group.tenantId(), memberGroup));
        }
        Set<String> direct = memberships.directMembersAmong(group.tenantId(), group.id(), users);
        writes.remove().forEach(direct::remove);
        direct.addAll(writes.add().keySet());
        users.removeAll(direct);
        return List.copyOf(users);
    }

    private static void rejectSelf(StoredResource group, Set<String> memberIds) {
        if (memberIds.contains(group.id())) {
            throw ScimException.invalidValue("group " + group.id() + " cannot be a member of itself");
        }
    }
}
