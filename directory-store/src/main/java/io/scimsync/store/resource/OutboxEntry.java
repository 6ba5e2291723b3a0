package io.scimsync.store.resource;

import java.util.List;

/**
 * The records one applied change publishes, and the membership documents it writes after the
 * resource's own document.
 *
 * @param position the position of the change's own record, by which a redelivery finds it
 * @param processedAt the position of the record whose processing applied the change: the
 *     change's own, or that of the operator command that released it. The entry is kept while
 *     that record may still be processed again.
 * @param membershipWrites what a redelivery of the change writes again to the memberships
 */
public record OutboxEntry(ChangePosition position, ChangePosition processedAt,
        List<OutboxRecord> records, MembershipWrites membershipWrites) {

    public OutboxEntry {
        records = List.copyOf(records);
    }

    /** An entry of a change that writes no memberships after its resource. */
    public OutboxEntry(ChangePosition position, ChangePosition processedAt,
            List<OutboxRecord> records) {
        this(position, processedAt, records, MembershipWrites.NONE);
    }
}
