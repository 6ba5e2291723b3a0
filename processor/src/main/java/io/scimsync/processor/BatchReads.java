package io.scimsync.processor;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.Operation;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.resource.LiveResource;
import io.scimsync.store.resource.ResourceRef;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoredResource;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored state of the resources of one polled batch: read for the whole batch
 * with a few queries when it starts, and kept current by the batch's own writes, so that a
 * change does not read its resource again. A resource not read yet is read alone on first use.
 *
 * <p>The processor that owns a partition is the only writer of its resources' documents, with
 * one exception: a group's membership changes write the {@code groupIds} of its members, which
 * may be anywhere. So the applier drops the state of other resources after each group
 * change and each delete. A membership change from another processor between the batch's read
 * and a change's write goes unseen, as it would between a single read and its write.
 */
final class BatchReads {

    private final ResourceStore store;
    /** Known live state per resource; an empty value means known to have no live resource. */
    private final Map<ResourceRef, Optional<LiveResource>> live = new HashMap<>();
    /** Known delete position per resource; an empty value means known to have no tombstone. */
    private final Map<ResourceRef, Optional<ChangePosition>> deleted = new HashMap<>();

    BatchReads(ResourceStore store) {
        this.store = store;
    }

    static ResourceRef refOf(ChangeEvent change) {
        return new ResourceRef(change.tenantId(), change.resourceType(), change.resourceId());
    }

    /**
     * Reads, with one query per resource type and one for tombstones, what the batch's changes
     * will ask: the live state of the resources that are changed or deleted, and whether those
     * not live were deleted. A create is only asked whether its resource was deleted, since ids
     * are never reused.
     */
    void prefetch(Collection<ChangeEvent> changes) {
        Set<ResourceRef> changed = new LinkedHashSet<>();
        Set<ResourceRef> created = new LinkedHashSet<>();
        for (ChangeEvent change : changes) {
            ResourceRef ref = refOf(change);
            if (change.operation() == Operation.CREATE) {
                created.add(ref);
            } else {
                changed.add(ref);
            }
        }
        created.removeAll(changed);
        Set<ResourceRef> maybeDeleted = new LinkedHashSet<>(created);
        if (!changed.isEmpty()) {
            Map<ResourceRef, LiveResource> found = store.findLive(changed);
            for (ResourceRef ref : changed) {
                LiveResource state = found.get(ref);
                live.put(ref, Optional.ofNullable(state));
                if (state == null) {
                    maybeDeleted.add(ref);
                }
            }
        }
        if (!maybeDeleted.isEmpty()) {
            Map<ResourceRef, ChangePosition> tombstones = store.findDeleted(maybeDeleted);
            maybeDeleted.forEach(ref -> deleted.put(ref, Optional.ofNullable(tombstones.get(ref))));
        }
    }

    Optional<StoredResource> find(ResourceRef ref) {
        return live(ref).map(LiveResource::resource);
    }

    /** Returns the position of the last change applied to the resource, live or deleted. */
    Optional<ChangePosition> appliedPosition(ResourceRef ref) {
        Optional<LiveResource> state = live(ref);
        if (state.isPresent()) {
            return Optional.ofNullable(state.get().applied());
        }
        return deletedAt(ref);
    }

    /** Returns whether the resource existed and was deleted. */
    boolean isDeleted(ResourceRef ref) {
        return deletedAt(ref).isPresent();
    }

    /** Records a write of {@code resource} by the change at {@code position}. */
    void written(StoredResource resource, ChangePosition position) {
        ResourceRef ref = new ResourceRef(resource.tenantId(), resource.type(), resource.id());
        live.put(ref, Optional.of(new LiveResource(resource, position)));
        deleted.put(ref, Optional.empty());
    }

    /** Records the delete of the resource by the change at {@code position}. */
    void deletedBy(ResourceRef ref, ChangePosition position) {
        live.put(ref, Optional.empty());
        deleted.put(ref, Optional.of(position));
    }

    /** Forgets every resource but {@code kept}, whose documents another write may have changed. */
    void forgetAllBut(ResourceRef kept) {
        Optional<LiveResource> keptLive = live.get(kept);
        Optional<ChangePosition> keptDeleted = deleted.get(kept);
        forgetAll();
        if (keptLive != null) {
            live.put(kept, keptLive);
        }
        if (keptDeleted != null) {
            deleted.put(kept, keptDeleted);
        }
    }

    void forgetAll() {
        live.clear();
        deleted.clear();
    }

    /** Forgets one resource, so that its next use reads it again. */
    void forget(ResourceRef ref) {
        live.remove(ref);
        deleted.remove(ref);
    }

    private Optional<LiveResource> live(ResourceRef ref) {
        Optional<LiveResource> known = live.get(ref);
        if (known == null) {
            known = Optional.ofNullable(store.findLive(List.of(ref)).get(ref));
            live.put(ref, known);
        }
        return known;
    }

    private Optional<ChangePosition> deletedAt(ResourceRef ref) {
        Optional<ChangePosition> known = deleted.get(ref);
        if (known == null) {
            known = Optional.ofNullable(store.findDeleted(List.of(ref)).get(ref));
            deleted.put(ref, known);
        }
        return known;
    }

    /** Returns whether a change of this type and operation writes other resources' documents. */
    static boolean touchesOthers(ResourceType type, Operation operation) {
        return type == ResourceType.GROUP || operation == Operation.DELETE;
    }
}
