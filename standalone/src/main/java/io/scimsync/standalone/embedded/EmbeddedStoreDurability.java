package io.scimsync.standalone.embedded;

import io.scimsync.store.StoreDurability;

/** Commits the embedded store's H2 file, so a flushed write survives a crash of the process. */
final class EmbeddedStoreDurability implements StoreDurability {

    private final EmbeddedMongoStore store;

    EmbeddedStoreDurability(EmbeddedMongoStore store) {
        this.store = store;
    }

    @Override
    public void flush() {
        store.commit();
    }
}
