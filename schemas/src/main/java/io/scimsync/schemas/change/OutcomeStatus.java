package io.scimsync.schemas.change;

/** How the processor disposed of one change; the ingress answer follows from it. */
public enum OutcomeStatus {
    /** Written to the store; the outcome carries the stored resource. */
    APPLIED,
    /** The change itself is wrong (not found, uniqueness, invalid value); nothing was kept. */
    REJECTED,
    /** Held by the deletion safeguard until an operator decides. */
    HELD,
    /** Failed for a reason of ours and kept aside for an operator. */
    QUARANTINED,
    /** Queued behind a quarantined change of the same resource, or its tenant is paused. */
    WAITING
}
