package io.scimsync.standalone.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * An H2 backend that handles MongoDB's {@code fsync} command on the {@code admin} database by
 * committing its MVStore file. A processor in another process sends it before it commits its
 * Kafka offsets, as the in-process processor calls {@link EmbeddedMongoStore#commit()}. The
 * backend of mongo-java-server 1.47.0 does not implement {@code fsync} itself.
 */
final class FsyncCommittingH2Backend extends H2Backend {

    static final String FSYNC = "fsync";

    FsyncCommittingH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command,
            Document query) {
        if ("admin".equals(databaseName) && FSYNC.equalsIgnoreCase(command)) {
            commit();
            return new Document("ok", 1.0);
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
