package io.scimsync.store.resource;

/**
 * Where in the changes topic the last applied change of a resource came from. All changes of a
 * resource share one partition, so a change whose offset is not after the stored one has been
 * applied already.
 */
public record ChangePosition(int partition, long offset) {

    /** Whether a change at this position comes after {@code applied} and so still needs applying. */
    public boolean isAfter(ChangePosition applied) {
        return applied == null || applied.partition != partition || offset > applied.offset;
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
