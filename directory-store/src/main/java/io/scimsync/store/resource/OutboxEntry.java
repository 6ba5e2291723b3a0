package io.scimsync.store.resource;

import java.util.List;

/**
 * The records one applied change publishes.
 *
 * @param position the position of the change's own record, by which a redelivery finds it
 * @param processedAt the position of the record whose processing applied the change: the
 *     change's own, or that of the operator command that released it. The entry is kept while
 *     that record may still be processed again.
 */
public record OutboxEntry(ChangePosition position, ChangePosition processedAt,
        List<OutboxRecord> records) {

    public OutboxEntry {
        records = List.copyOf(records);
    }
}
