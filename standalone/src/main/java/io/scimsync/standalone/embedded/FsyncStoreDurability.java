package io.scimsync.standalone.embedded;

import com.mongodb.client.MongoClient;
import io.scimsync.store.StoreDurability;
import org.bson.Document;

/**
 * Sends the {@code fsync} command to the store that {@code spring.mongodb.uri} names, for a
 * processor that runs apart from the embedded store. The embedded store handles it by committing
 * its H2 file (see {@link FsyncCommittingH2Backend}), so the processor commits its Kafka offsets
 * only for writes the file contains. A MongoDB server runs its own {@code fsync}, which needs the
 * {@code fsync} privilege.
 */
final class FsyncStoreDurability implements StoreDurability {

    private final MongoClient client;

    FsyncStoreDurability(MongoClient client) {
        this.client = client;
    }

    @Override
    public void flush() {
        client.getDatabase("admin").runCommand(new Document(FsyncCommittingH2Backend.FSYNC, 1));
    }
}
