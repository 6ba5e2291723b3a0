package io.scimsync.processor;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.ChangeOutcome;
import io.scimsync.schemas.change.Operation;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.patch.PatchEngine;
import io.scimsync.schemas.patch.PatchOperation;
import io.scimsync.schemas.patch.PatchRequestParser;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.resource.ConcurrentWriteException;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoredResource;
import io.scimsync.store.resource.UniqueKeys;
import io.scimsync.store.resource.UniquenessViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies one change to the directory store, exactly once in effect: a change whose position is
 * not after the resource's applied position is a redelivery, so it gets an outcome without a second write.
 * A change that is wrong in itself (unknown resource, taken user name, invalid PATCH) is rejected
 * with the SCIM error the client gets; nothing is written for it.
 */
@Component
public class ChangeApplier {

    private final ResourceStore resources;
    private final GroupMembers groupMembers;
    private final PatchEngine patchEngine;
    private final Clock clock;

    public ChangeApplier(ResourceStore resources, GroupMembers groupMembers, PatchEngine patchEngine) {
        this.resources = resources;
        this.groupMembers = groupMembers;
        this.patchEngine = patchEngine;
        this.clock = Clock.systemUTC();
    }

    public ChangeOutcome apply(ChangeEvent change, ChangePosition position) {
        if (change.operation() == Operation.CREATE
                ? isDeleted(change) : isRedelivery(change, position)) {
            return ChangeOutcome.applied(change.changeId(), null);
        }
        try {
            switch (change.operation()) {
                case CREATE -> create(change, position);
                case REPLACE -> replace(change, position);
                case PATCH -> patch(change, position);
                case DELETE -> delete(change, position);
            }
            return ChangeOutcome.applied(change.changeId(), null);
        } catch (ScimException e) {
            if (isRedeliveredCreate(change, position)) {
                return ChangeOutcome.applied(change.changeId(), null);
            }
            return ChangeOutcome.rejected(change.changeId(), e.error());
        } catch (ConcurrentWriteException e) {
            if (isRedeliveredCreate(change, position)) {
                return ChangeOutcome.applied(change.changeId(), null);
            }
            throw e;
        }
    }

    /**
     * Whether a CREATE that failed on a taken id or user name did so because it was applied
     * before: the resource it would create is stored, at this change's position or later.
     */
    private boolean isRedeliveredCreate(ChangeEvent change, ChangePosition position) {
        return change.operation() == Operation.CREATE && isRedelivery(change, position);
    }

    /**
     * Whether the resource a CREATE names was created and deleted already, which makes the
     * CREATE a redelivery: ids are assigned by ingress and never reused. A CREATE redelivered
     * while its resource lives is recognised when its insert finds the id taken, which saves
     * a lookup on every new resource.
     */
    private boolean isDeleted(ChangeEvent change) {
        return resources.isDeleted(change.tenantId(), change.resourceType(), change.resourceId());
    }

    private boolean isRedelivery(ChangeEvent change, ChangePosition position) {
        Optional<ChangePosition> applied = resources.appliedPosition(
                change.tenantId(), change.resourceType(), change.resourceId());
        return applied.isPresent() && !position.isAfter(applied.get());
    }

    private void create(ChangeEvent change, ChangePosition position) {
        ObjectNode attributes = ((ObjectNode) change.payload()).deepCopy();
        List<String> memberIds = groupMembers.takeMembers(change.resourceType(), attributes);
        var members = groupMembers.resolve(change.tenantId(), memberIds);
        Instant now = clock.instant();
        StoredResource resource = new StoredResource(change.tenantId(), change.resourceType(),
                change.resourceId(), attributes, now, now, 1, List.of());
        // Members first: a crash before the insert leaves no position, so the redelivered change
        // is applied again, and the memberships are written again harmlessly.
        groupMembers.add(resource, members);
        try {
            insert(resource, position);
        } catch (ScimException e) {
            // A redelivered create fails here too; its group exists and keeps its members.
            if (!isRedelivery(change, position)) {
                groupMembers.removeAllOf(resource);
            }
            throw e;
        }
    }

    private void replace(ChangeEvent change, ChangePosition position) {
        StoredResource current = existing(change);
        ObjectNode attributes = ((ObjectNode) change.payload()).deepCopy();
        List<String> memberIds = groupMembers.takeMembers(change.resourceType(), attributes);
        StoredResource replaced = current.withAttributes(attributes, clock.instant());
        requireUniqueKeyFree(replaced);
        if (change.resourceType() == ResourceType.GROUP) {
            groupMembers.replaceAll(current, memberIds);
        }
        update(replaced, position);
    }

    private void patch(ChangeEvent change, ChangePosition position) {
        StoredResource current = existing(change);
        List<PatchOperation> operations = PatchRequestParser.parse(change.payload());
        GroupMembers.Plan plan = groupMembers.plan(current, operations);
        ObjectNode patched = patchEngine.apply(
                change.resourceType(), current.attributes(), plan.otherOperations());
        if (plan.isEmpty() && patched.equals(current.attributes())) {
            return;
        }
        StoredResource result = current.withAttributes(patched, clock.instant());
        requireUniqueKeyFree(result);
        groupMembers.execute(current, plan);
        update(result, position);
    }

    private void delete(ChangeEvent change, ChangePosition position) {
        StoredResource current = existing(change);
        groupMembers.removeAllOf(current);
        resources.delete(current, position);
    }

    /**
     * The stored resource the change applies to, at the version its {@code If-Match} requires.
     *
     * @throws ScimException 404 when it does not exist, 412 when it is at another version
     */
    private StoredResource existing(ChangeEvent change) {
        StoredResource current = resources
                .find(change.tenantId(), change.resourceType(), change.resourceId())
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

    private void insert(StoredResource resource, ChangePosition position) {
        try {
            resources.insert(resource, position);
        } catch (UniquenessViolationException e) {
            throw uniqueness(resource);
        }
    }

    private void update(StoredResource resource, ChangePosition position) {
        try {
            resources.update(resource, position);
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
    private void requireUniqueKeyFree(StoredResource resource) {
        String key = UniqueKeys.of(resource.type(), resource.attributes());
        if (key == null) {
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
