package io.scimsync.schemas.change;

import java.time.Instant;

/**
 * An operator's decision about changes the processor set aside, published on the changes topic
 * so that the processor carries it out in partition order, after every change of the resource
 * that came before it. A command record is distinguished from a change by the
 * {@link #RECORD_KIND_HEADER} header.
 *
 * <ul>
 *   <li>{@link Action#RELEASE}: apply the set-aside change {@code changeId} (approve a held change,
 *       replay a quarantined one), then the changes of its resource waiting behind it.</li>
 *   <li>{@link Action#DISCARD}: drop the set-aside change {@code changeId} (reject a held change,
 *       discard a quarantined one), then apply the changes waiting behind it.</li>
 *   <li>{@link Action#RESUME}: the tenant was resumed; apply its waiting changes. Sent to every
 *       partition, because a tenant's resources are spread over all of them.</li>
 * </ul>
 *
 * @param changeId the set-aside change, null for RESUME
 */
public record OperatorCommand(
        String commandId,
        String tenantId,
        Action action,
        String changeId,
        Instant issuedAt) {

    /** Header naming the kind of record on the changes topic; absent on changes. */
    public static final String RECORD_KIND_HEADER = "scimsync-record-kind";

    /** Value of {@link #RECORD_KIND_HEADER} on command records. */
    public static final String RECORD_KIND = "operator-command";

    /** The operator's decision. */
    public enum Action {
        RELEASE,
        DISCARD,
        RESUME
    }
}
