package io.scimsync.schemas.change;

import io.scimsync.schemas.ResourceType;

/**
 * Tells the processor of a group's partition that a member of the group was deleted, so that it
 * publishes the {@code membership.removed} event under the group's key and sequence, in order
 * with the group's other events. The processor that deleted the member publishes the notice on
 * the changes topic, under the group's record key, in the same transaction as the delete's own
 * events. A notice record is distinguished by the {@link OperatorCommand#RECORD_KIND_HEADER}
 * header with the value {@link #RECORD_KIND}.
 *
 * @param changeId the id of the delete that ended the membership, from which event ids derive
 */
public record MembershipNotice(String tenantId, String groupId, String memberId, String changeId) {

    /** Value of {@link OperatorCommand#RECORD_KIND_HEADER} on notice records. */
    public static final String RECORD_KIND = "membership-notice";

    public String recordKey() {
        return ChangeEvent.recordKey(tenantId, ResourceType.GROUP, groupId);
    }
}
