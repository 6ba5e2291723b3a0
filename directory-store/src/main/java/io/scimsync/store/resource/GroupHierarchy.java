package io.scimsync.store.resource;

import io.scimsync.schemas.ResourceType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Groups nested in groups: a group can be a member of another, and its members are then indirect
 * members of the outer group. Walks go one level per query and stop at groups seen before, so a
 * cycle in stored data cannot loop them, although the processor refuses to create one.
 */
@Component
public class GroupHierarchy {

    private final ResourceStore resources;
    private final MembershipStore memberships;

    public GroupHierarchy(ResourceStore resources, MembershipStore memberships) {
        this.resources = resources;
        this.memberships = memberships;
    }

    /**
     * Returns the groups that contain any of {@code groupIds} directly or through other groups,
     * without {@code groupIds} themselves: the indirect groups of a member of {@code groupIds}.
     */
    public Set<String> enclosing(String tenantId, Collection<String> groupIds) {
        Set<String> seen = new LinkedHashSet<>(groupIds);
        Set<String> found = new LinkedHashSet<>();
        List<String> level = List.copyOf(groupIds);
        while (!level.isEmpty()) {
            Set<String> next = new LinkedHashSet<>();
            for (StoredResource group : resources.findAll(tenantId, ResourceType.GROUP, level)) {
                for (String outer : group.groupIds()) {
                    if (seen.add(outer)) {
                        found.add(outer);
                        next.add(outer);
                    }
                }
            }
            level = List.copyOf(next);
        }
        return found;
    }

    /**
     * Returns the stored groups that contain any of {@code groups} directly or through other
     * groups, without {@code groups} themselves, by id in the order found. It starts from the
     * groups as read, so a caller that has them spares the first query of
     * {@link #enclosing(String, Collection)}.
     */
    public Map<String, StoredResource> enclosingGroups(String tenantId,
            Collection<StoredResource> groups) {
        Set<String> seen = new HashSet<>();
        groups.forEach(group -> seen.add(group.id()));
        Map<String, StoredResource> found = new LinkedHashMap<>();
        Collection<StoredResource> level = groups;
        while (!level.isEmpty()) {
            Set<String> next = new LinkedHashSet<>();
            for (StoredResource group : level) {
                for (String outer : group.groupIds()) {
                    if (seen.add(outer)) {
                        next.add(outer);
                    }
                }
            }
            level = next.isEmpty() ? List.of() : resources.findAll(tenantId, ResourceType.GROUP, next);
            level.forEach(group -> found.put(group.id(), group));
        }
        return found;
    }

    /**
     * Returns the groups nested in {@code groupId}, at any depth, without {@code groupId} itself.
     */
    public Set<String> nested(String tenantId, String groupId) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(groupId));
        while (!pending.isEmpty()) {
            for (Membership member : memberships.members(tenantId, pending.pop())) {
                if (member.memberType() == ResourceType.GROUP && !member.memberId().equals(groupId)
                        && found.add(member.memberId())) {
                    pending.push(member.memberId());
                }
            }
        }
        return found;
    }

    /** Returns the users who are members of {@code groupId} directly or through nested groups. */
    public Set<String> users(String tenantId, String groupId) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>(List.of(groupId));
        groups.addAll(nested(tenantId, groupId));
        for (String group : groups) {
            for (Membership member : memberships.members(tenantId, group)) {
                if (member.memberType() == ResourceType.USER) {
                    users.add(member.memberId());
                }
            }
        }
        return users;
    }
}
