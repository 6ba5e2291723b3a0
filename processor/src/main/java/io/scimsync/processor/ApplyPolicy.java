package io.scimsync.processor;

import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.store.safeguard.RenamePolicy;

/** The tenant's rules the applier follows while it applies one change. */
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
    };

    RenamePolicy renamePolicy();

    /**
     * Called once, just before a disable or delete would be written. False holds the change:
     * nothing of it is written.
     */
    boolean admitDeletion(ChangeEvent change);
}
