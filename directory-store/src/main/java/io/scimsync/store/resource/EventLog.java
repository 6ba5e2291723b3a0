package io.scimsync.store.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity events of a resource's key that the store keeps beside the resource, written in
 * the same single-document write as the change that caused them.
 *
 * @param sequence the sequence of the last event of the key, 0 before the first
 * @param outbox the records of the changes applied since the processor's last committed
 *     transaction, so that a redelivered change publishes exactly the records of its first
 *     attempt
 */
public record EventLog(long sequence, List<OutboxEntry> outbox) {

    public static final EventLog EMPTY = new EventLog(0, List.of());

    public EventLog {
        outbox = List.copyOf(outbox);
    }

    /**
     * Returns a log at {@code newSequence} whose outbox keeps the entries processed at or after
     * {@code keepFrom} on its partition (they may be processed again) and ends with
     * {@code entry}.
     */
    public EventLog append(OutboxEntry entry, long newSequence, ChangePosition keepFrom) {
        List<OutboxEntry> kept = new ArrayList<>();
        for (OutboxEntry existing : outbox) {
            ChangePosition processed = existing.processedAt();
            if (keepFrom != null && processed.partition() == keepFrom.partition()
                    && processed.offset() >= keepFrom.offset()) {
                kept.add(existing);
            }
        }
        kept.add(entry);
        return new EventLog(newSequence, kept);
    }

    /** Returns the entry of the change at {@code position}, if it is still kept. */
    public Optional<OutboxEntry> entryAt(ChangePosition position) {
        return outbox.stream().filter(entry -> entry.position().equals(position)).findFirst();
    }
}
