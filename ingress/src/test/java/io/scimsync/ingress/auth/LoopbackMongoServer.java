package io.scimsync.ingress.auth;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** An in-memory MongoDB wire-protocol server on a free loopback port. */
public final class LoopbackMongoServer implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());

    private LoopbackMongoServer() {
        server.bind("127.0.0.1", 0);
    }

    public static LoopbackMongoServer start() {
        return new LoopbackMongoServer();
    }

    /** Returns the connection string, with {@code scimsync} as the database. */
    public String uri() {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/scimsync";
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
