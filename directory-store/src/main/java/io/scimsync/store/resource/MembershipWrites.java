package io.scimsync.store.resource;

import io.scimsync.schemas.ResourceType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The membership documents one applied change writes after its resource document: members the
 * group gains, members it loses, and the groups that a deleted resource leaves. The resource's
 * outbox entry keeps them, so a change redelivered after a crash between the two writes finds
 * them there and writes them again, instead of deriving them anew from memberships that are
 * already half written.
 *
 * @param add members the group gains, with their type, in request order
 * @param remove members the group loses
 * @param leave groups that the resource, being deleted, is removed from as a member
 */
public record MembershipWrites(Map<String, ResourceType> add, List<String> remove,
        List<String> leave) {

    /** No membership writes. */
    public static final MembershipWrites NONE = new MembershipWrites(Map.of(), List.of(), List.of());

    public MembershipWrites {
        add = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(add));
        remove = List.copyOf(remove);
        leave = List.copyOf(leave);
    }

    /** Returns the writes of a group's member changes. */
    public static MembershipWrites members(Map<String, ResourceType> add,
            Collection<String> remove) {
        return new MembershipWrites(add, List.copyOf(remove), List.of());
    }

    public boolean isEmpty() {
        return add.isEmpty() && remove.isEmpty() && leave.isEmpty();
    }
}
