package io.scimsync.store.safeguard;

/** Why a change is set aside instead of applied. */
public enum ParkState {
    /** Held by the deletion threshold until an operator approves or rejects it. */
    HELD,
    /** It failed for a reason of ours; an operator replays it once the cause is fixed, or discards it. */
    QUARANTINED,
    /** Behind a set-aside change of the same resource, or its tenant is paused. */
    WAITING,
    /**
     * Applied while an operator command was processed. Kept, out of every listing, until that
     * command's record is committed, so that a retry of the command publishes the change's
     * events again.
     */
    RELEASED
}
