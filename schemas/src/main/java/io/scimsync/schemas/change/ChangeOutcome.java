package io.scimsync.schemas.change;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.scimsync.schemas.error.ScimError;
import tools.jackson.databind.JsonNode;

/**
 * The processor's reply to one change, sent to the outcomes topic with the change id as
 * correlation id.
 *
 * @param resource the stored resource after the change (APPLIED), the resource as it will be once
 *     applied (HELD, QUARANTINED, WAITING), or null (REJECTED, and DELETE)
 * @param error the reason for a REJECTED outcome, null otherwise
 */
public record ChangeOutcome(String changeId, OutcomeStatus status, JsonNode resource, ScimError error) {

    public static ChangeOutcome applied(String changeId, JsonNode resource) {
        return new ChangeOutcome(changeId, OutcomeStatus.APPLIED, resource, null);
    }

    public static ChangeOutcome rejected(String changeId, ScimError error) {
        return new ChangeOutcome(changeId, OutcomeStatus.REJECTED, null, error);
    }

    /**
     * A change set aside (HELD, QUARANTINED or WAITING), answered with the success the client
     * would get had it been applied.
     *
     * @param expected the resource as it will be once applied, or null (a delete, or unknown)
     */
    public static ChangeOutcome setAside(String changeId, OutcomeStatus status, JsonNode expected) {
        if (status == OutcomeStatus.APPLIED || status == OutcomeStatus.REJECTED) {
            throw new IllegalArgumentException(status + " is not a set-aside outcome");
        }
        return new ChangeOutcome(changeId, status, expected, null);
    }

    /** Returns whether the change was kept for later rather than applied or rejected. */
    @JsonIgnore
    public boolean isSetAside() {
        return status == OutcomeStatus.HELD || status == OutcomeStatus.QUARANTINED
                || status == OutcomeStatus.WAITING;
    }
}
