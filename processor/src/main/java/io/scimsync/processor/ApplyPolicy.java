package io.scimsync.processor;

import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.profile.ProfileMapping;
import io.scimsync.store.profile.StoredMapping;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.safeguard.RenamePolicy;

/** The tenant's rules and mapping the applier follows while it applies one change. */
interface ApplyPolicy {

    /** Renames allowed, every disable and delete admitted: for tests and approved changes. */
    ApplyPolicy UNGUARDED = new ApplyPolicy() {
        @Override
        public RenamePolicy renamePolicy() {
            return RenamePolicy.ALLOW;
        }

        @Override
        public boolean admitDeletion(ChangeEvent change) {
            return true;
        }

        @Override
        public StoredMapping mapping() {
            return DEFAULT_MAPPING;
        }
    };

    /** The default profile mapping, as a tenant without a mapping of its own has it. */
    StoredMapping DEFAULT_MAPPING = new StoredMapping(ProfileMapping.DEFAULT, 0);

    RenamePolicy renamePolicy();

    /**
     * Called once, just before a disable or delete would be written. False holds the change:
     * nothing of it is written.
     */
    boolean admitDeletion(ChangeEvent change);

    /** The tenant's mapping, from which each written user's directory profile is derived. */
    StoredMapping mapping();

    /**
     * Returns the position of the record being processed, given the change's own: the same for a
     * change applied when it arrives, the operator command's for a change it releases.
     */
    default ChangePosition processedAt(ChangePosition changePosition) {
        return changePosition;
    }

    /**
     * Returns the first position of the current batch on the partition of {@code processedAt}:
     * outbox entries processed before it are committed and need not be kept.
     */
    default ChangePosition uncommittedFrom(ChangePosition processedAt) {
        return processedAt;
    }
}
