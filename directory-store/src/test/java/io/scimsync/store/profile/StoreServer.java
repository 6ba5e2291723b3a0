package io.scimsync.store.profile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/** mongo-java-server on a loopback port with a real MongoDB driver client, for one test class. */
final class StoreServer implements AutoCloseable {

    private static final String DATABASE = "test";

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    StoreServer() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    /** Returns a template on an emptied database. */
    MongoTemplate freshTemplate() {
        client.getDatabase(DATABASE).drop();
        return new MongoTemplate(client, DATABASE);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
