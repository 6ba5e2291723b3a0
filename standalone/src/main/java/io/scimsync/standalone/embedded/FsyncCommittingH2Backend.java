package io.scimsync.standalone.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 backend that handles MongoDB's {@code fsync} command on the {@code admin} database by
 * committing its MVStore file. A processor in another process sends it before it commits its
 * Kafka offsets, as the in-process processor calls {@link EmbeddedMongoStore#commit()}. The
 * backend of mongo-java-server 1.47.0 does not implement {@code fsync} itself.
 *
 * <p>It also runs a read again when MVStore reports one of its chunks missing. A read that scans
 * a large collection for seconds walks a version of the store that commits made since may have
 * released, since mongo-java-server does not register the versions it reads; MVStore then fails
 * the read with "chunk not found". Run again, the read walks the current version.
 */
final class FsyncCommittingH2Backend extends H2Backend {

    static final String FSYNC = "fsync";

    /** How many times a read is run when MVStore keeps reporting a missing chunk. */
    static final int READ_ATTEMPTS = 3;

    /** Commands that only read, so running one again changes nothing. */
    private static final Set<String> READS = Set.of("find", "count", "aggregate", "distinct");

    private static final Logger log = LoggerFactory.getLogger(FsyncCommittingH2Backend.class);

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
        if (!READS.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        return readRetryingMissingChunks(command,
                () -> super.handleCommand(channel, databaseName, command, query));
    }

    /**
     * Runs {@code read}, again up to {@value #READ_ATTEMPTS} times in all while it fails on a
     * chunk that MVStore released under it.
     */
    static Document readRetryingMissingChunks(String command, Supplier<Document> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (attempt >= READ_ATTEMPTS || !isMissingChunk(e)) {
                    throw e;
                }
                log.warn("The embedded store's {} read a released chunk (attempt {} of {});"
                        + " reading again", command, attempt, READ_ATTEMPTS);
            }
        }
    }

    private static boolean isMissingChunk(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MVStoreException store
                    && store.getErrorCode() == DataUtils.ERROR_CHUNK_NOT_FOUND) {
                return true;
            }
        }
        return false;
    }
}
