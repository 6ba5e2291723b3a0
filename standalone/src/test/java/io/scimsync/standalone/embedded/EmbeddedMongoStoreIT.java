package io.scimsync.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded store against the real MongoDB driver. A crash of the process is simulated
 * by copying the store file while the store is running: a killed process leaves exactly the
 * bytes that were written to the file, because the operating system keeps them.
 */
class EmbeddedMongoStoreIT {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStoreIT.class);
    private static final String DATABASE = "scimsync";

    @TempDir
    Path dataDir;

    @Test
    void driverInsertsAndReadsBack() {
        try (EmbeddedMongoStore store = startedStore(storeFile())) {
            withUsers(store, users -> {
                users.insertOne(user("t1", "alice"));
                users.insertOne(user("t1", "bob"));

                assertThat(users.countDocuments()).isEqualTo(2);
                assertThat(users.find(Filters.eq("userName", "bob")).first())
                        .containsEntry("tenant", "t1");
            });
        }
    }

    @Test
    void connectionStringNamesLoopbackPortAndDatabase() {
        try (EmbeddedMongoStore store = startedStore(storeFile())) {
            assertThat(store.connectionString())
                    .isEqualTo("mongodb://127.0.0.1:" + store.port() + "/scimsync");
        }
    }

    @Test
    void restartOnSameFileKeepsDocuments() {
        try (EmbeddedMongoStore store = startedStore(storeFile())) {
            withUsers(store, users -> users.insertOne(user("t1", "alice")));
        }

        try (EmbeddedMongoStore store = startedStore(storeFile())) {
            withUsers(store, users -> assertThat(userNames(users)).containsExactly("alice"));
        }
    }

    @Test
    void uniqueIndexRejectsDuplicate() {
        try (EmbeddedMongoStore store = startedStore(storeFile())) {
            withUsers(store, users -> {
                createUniqueUserNameIndex(users);
                users.insertOne(user("t1", "alice"));

                assertThatThrownBy(() -> users.insertOne(user("t1", "alice")))
                        .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(
                                ErrorCategory.fromErrorCode(e.getCode()))
                                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
                assertThat(users.countDocuments()).isEqualTo(1);
            });
        }
    }

    @Test
    void uniqueIndexSurvivesRestart() {
        try (EmbeddedMongoStore store = startedStore(storeFile())) {
            withUsers(store, users -> {
                createUniqueUserNameIndex(users);
                users.insertOne(user("t1", "alice"));
            });
        }

        try (EmbeddedMongoStore store = startedStore(storeFile())) {
            withUsers(store, users -> {
                users.insertOne(user("t2", "alice"));

                assertThatThrownBy(() -> users.insertOne(user("t1", "alice")))
                        .isInstanceOf(MongoWriteException.class);
            });
        }
    }

    @Test
    void committedWriteSurvivesCrash() throws IOException {
        try (EmbeddedMongoStore store = startedStore(storeFile())) {
            withUsers(store, users -> users.insertOne(user("t1", "alice")));
            store.commit();

            Path crashed = copyOfStoreFile("crashed.mv");

            assertThat(userNamesIn(crashed)).containsExactly("alice");
        }
    }

    @Test
    void uncommittedWriteLostWithoutAutoCommit() throws IOException {
        try (EmbeddedMongoStore store = startedStore(storeFile(), 0)) {
            withUsers(store, users -> users.insertOne(user("t1", "alice")));
            store.commit();
            withUsers(store, users -> users.insertOne(user("t1", "bob")));

            Path beforeCommit = copyOfStoreFile("before-commit.mv");
            store.commit();
            Path afterCommit = copyOfStoreFile("after-commit.mv");

            assertThat(userNamesIn(beforeCommit)).containsExactly("alice");
            assertThat(userNamesIn(afterCommit)).containsExactly("alice", "bob");
        }
    }

    @Test
    void fsyncFromClientCommitsFile() throws IOException {
        try (EmbeddedMongoStore store = startedStore(storeFile(), 0)) {
            withUsers(store, users -> users.insertOne(user("t1", "alice")));
            Path beforeFsync = copyOfStoreFile("before-fsync.mv");
            try (MongoClient client = MongoClients.create(clientSettings(store))) {
                new FsyncStoreDurability(client).flush();
            }
            Path afterFsync = copyOfStoreFile("after-fsync.mv");

            assertThat(userNamesIn(beforeFsync)).isEmpty();
            assertThat(userNamesIn(afterFsync)).containsExactly("alice");
        }
    }

    @Test
    void bindFailureNamesPortAndReleasesFile() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedMongoStore store =
                    new EmbeddedMongoStore(storeFile(), taken.getLocalPort(), DATABASE);

            assertThatThrownBy(store::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
            assertThat(store.isRunning()).isFalse();
        }

        try (EmbeddedMongoStore retry = startedStore(storeFile())) {
            assertThat(retry.isRunning()).isTrue();
        }
    }

    @Test
    void closeIsIdempotent() {
        EmbeddedMongoStore store = startedStore(storeFile());

        store.close();
        store.close();

        assertThat(store.isRunning()).isFalse();
    }

    @Test
    void commitOnStoppedStoreFails() {
        EmbeddedMongoStore store = new EmbeddedMongoStore(storeFile(), 0, DATABASE);

        assertThatThrownBy(store::commit).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
    }

    private Path storeFile() {
        return dataDir.resolve("store").resolve("directory.mv");
    }

    private Path copyOfStoreFile(String name) throws IOException {
        return Files.copy(storeFile(), dataDir.resolve(name));
    }

    private static EmbeddedMongoStore startedStore(Path file) {
        return startedStore(file, EmbeddedMongoStore.DEFAULT_AUTO_COMMIT_DELAY_MILLIS);
    }

    private static EmbeddedMongoStore startedStore(Path file, int autoCommitMillis) {
        EmbeddedMongoStore store = new EmbeddedMongoStore(file, 0, DATABASE, autoCommitMillis);
        long started = System.nanoTime();
        store.start();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.info("Embedded MongoDB store start on {} took {} ms", file.getFileName(), millis);
        return store;
    }

    private static List<String> userNamesIn(Path file) {
        try (EmbeddedMongoStore copy = startedStore(file)) {
            List<String> names = new ArrayList<>();
            withUsers(copy, users -> names.addAll(userNames(users)));
            return names;
        }
    }

    private static void withUsers(EmbeddedMongoStore store,
            Consumer<MongoCollection<Document>> action) {
        try (MongoClient client = MongoClients.create(clientSettings(store))) {
            action.accept(client.getDatabase(store.databaseName()).getCollection("users"));
        }
    }

    private static MongoClientSettings clientSettings(EmbeddedMongoStore store) {
        return MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(store.connectionString()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.readTimeout(10, TimeUnit.SECONDS))
                .build();
    }

    private static void createUniqueUserNameIndex(MongoCollection<Document> users) {
        users.createIndex(Indexes.ascending("tenant", "userName"), new IndexOptions().unique(true));
    }

    private static List<String> userNames(MongoCollection<Document> users) {
        return users.find().sort(Indexes.ascending("userName"))
                .map(document -> document.getString("userName")).into(new ArrayList<>());
    }

    private static Document user(String tenant, String userName) {
        return new Document("tenant", tenant).append("userName", userName);
    }
}
