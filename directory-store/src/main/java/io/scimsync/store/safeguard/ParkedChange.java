package io.scimsync.store.safeguard;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.Operation;
import java.time.Instant;

/**
 * A change the processor set aside, with the coordinates of its record on the changes topic. Its
 * record's offset orders it among the set-aside changes of its resource, which all share one
 * partition.
 *
 * @param resourceKey the record key of the change, {@code tenant/type/id}
 * @param reason why it is set aside, in words without personal data
 * @param change the change record's value, as the changes topic carries it
 */
public record ParkedChange(
        String changeId,
        String tenantId,
        ResourceType resourceType,
        String resourceId,
        String resourceKey,
        Operation operation,
        ParkState state,
        String reason,
        int partition,
        long offset,
        Instant parkedAt,
        byte[] change) {
}
