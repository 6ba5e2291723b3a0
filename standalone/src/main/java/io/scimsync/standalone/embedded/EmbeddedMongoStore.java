package io.scimsync.standalone.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on 127.0.0.1 whose data lives in one H2
 * MVStore file.
 *
 * <p>The server acknowledges a write once it is in the MVStore's memory, before the file has it.
 * MVStore writes the file in the background about once a second (its default auto-commit delay);
 * {@link #commit()} writes it at once. After {@code commit()} returns, every write acknowledged
 * before the call survives a crash of this process. A crash of the machine can still lose it,
 * because the file is not fsynced.
 *
 * <p>A client in another process gets the same guarantee with the {@code fsync} command on the
 * {@code admin} database, which this store handles by committing the file.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    /** The largest page cache the store takes, in megabytes. */
    static final int MAX_CACHE_MB = 512;

    /** MVStore's own default page cache, in megabytes, the least the store takes. */
    static final int MIN_CACHE_MB = 16;

    /** MVStore's default auto-commit delay, in milliseconds. */
    public static final int DEFAULT_AUTO_COMMIT_DELAY_MILLIS = 1000;

    private final Path file;
    private final int configuredPort;
    private final String databaseName;
    private final int autoCommitDelayMillis;
    private H2Backend backend;
    private MongoServer server;
    private int port;

    /**
     * @param file the MVStore file, created with its parent directories when missing
     * @param port the port on 127.0.0.1, or 0 for a free port chosen at start
     * @param databaseName the database that {@link #connectionString()} names
     */
    public EmbeddedMongoStore(Path file, int port, String databaseName) {
        this(file, port, databaseName, DEFAULT_AUTO_COMMIT_DELAY_MILLIS);
    }

    /**
     * @param autoCommitDelayMillis the MVStore background commit delay in milliseconds, 0 to
     *     write the file only on {@link #commit()} and {@link #close()}
     */
    public EmbeddedMongoStore(Path file, int port, String databaseName, int autoCommitDelayMillis) {
        this.file = file;
        this.configuredPort = port;
        this.databaseName = databaseName;
        this.autoCommitDelayMillis = autoCommitDelayMillis;
    }

    /**
     * Opens the file and starts accepting connections.
     *
     * @throws IllegalStateException when the store is already running
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("Store already running on " + connectionString());
        }
        createParentDirectories();
        H2Backend opened = new FsyncCommittingH2Backend(openMvStore());
        MongoServer started = bind(opened);
        backend = opened;
        server = started;
        port = started.getLocalAddress().getPort();
        log.info("Embedded MongoDB store listening on {}:{} (file {})",
                LoopbackPorts.HOST, port, file);
    }

    /** Returns {@code mongodb://127.0.0.1:<port>/<database>}. */
    public String connectionString() {
        return "mongodb://" + LoopbackPorts.HOST + ":" + port() + "/" + databaseName;
    }

    public String databaseName() {
        return databaseName;
    }

    public Path file() {
        return file;
    }

    /**
     * Returns the port the server listens on.
     *
     * @throws IllegalStateException when the store is not running
     */
    public synchronized int port() {
        requireRunning();
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Writes every change acknowledged so far to the file.
     *
     * @throws IllegalStateException when the store is not running
     */
    public synchronized void commit() {
        requireRunning();
        backend.commit();
    }

    /**
     * Stops accepting connections, closes the open ones, commits and closes the file. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        log.info("Stopping embedded MongoDB store on {}:{}", LoopbackPorts.HOST, port);
        backend.commit();
        server.shutdownNow();
        server = null;
        backend = null;
        log.info("Embedded MongoDB store stopped, file {} closed", file);
    }

    private MVStore openMvStore() {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString())
                .cacheSize(cacheMegabytes(Runtime.getRuntime().maxMemory()));
        if (autoCommitDelayMillis == 0) {
            builder.autoCommitDisabled();
        }
        MVStore store = builder.open();
        if (autoCommitDelayMillis > 0) {
            store.setAutoCommitDelay(autoCommitDelayMillis);
        }
        return store;
    }

    /**
     * Returns the page cache for a JVM whose heap may grow to {@code maxHeapBytes}: a quarter of
     * it, between {@value #MIN_CACHE_MB} and {@value #MAX_CACHE_MB} MB. The store deserialises
     * every page it reads from the file again, so a scan of a tenant that does not fit the cache
     * costs many times one that does: counting 100,000 users took seconds with MVStore's default
     * of 16 MB and a few hundred milliseconds with 512 MB (docs/benchmarks.md).
     */
    static int cacheMegabytes(long maxHeapBytes) {
        long quarter = maxHeapBytes / 4 / (1024 * 1024);
        return (int) Math.max(MIN_CACHE_MB, Math.min(MAX_CACHE_MB, quarter));
    }

    private MongoServer bind(H2Backend opened) {
        MongoServer candidate = new MongoServer(opened);
        int bindPort = LoopbackPorts.resolve(configuredPort);
        try {
            candidate.bind(LoopbackPorts.HOST, bindPort);
            return candidate;
        } catch (Exception e) {
            // Netty rethrows a BindException undeclared, past MongoServer's own cleanup, which
            // only catches runtime exceptions. Shutting down closes the backend and its file.
            candidate.shutdownNow();
            throw new IllegalStateException("Cannot bind the embedded MongoDB store to "
                    + LoopbackPorts.HOST + ":" + bindPort + ": " + e, e);
        }
    }

    private void createParentDirectories() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of store file " + file, e);
        }
    }

    private void requireRunning() {
        if (server == null) {
            throw new IllegalStateException(
                    "Embedded MongoDB store on " + file + " is not running");
        }
    }
}
