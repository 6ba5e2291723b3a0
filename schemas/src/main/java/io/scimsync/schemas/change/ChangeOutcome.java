package io.scimsync.schemas.change;

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
}
