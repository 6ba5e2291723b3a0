package io.scimsync.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;

class FsyncCommittingH2BackendTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void readMeetingReleasedChunkRunsAgain() {
        Document answer = FsyncCommittingH2Backend.readRetryingMissingChunks("find", () -> {
            if (attempts.incrementAndGet() < FsyncCommittingH2Backend.READ_ATTEMPTS) {
                throw missingChunk();
            }
            return new Document("ok", 1.0);
        });

        assertThat(answer.get("ok")).isEqualTo(1.0);
        assertThat(attempts).hasValue(FsyncCommittingH2Backend.READ_ATTEMPTS);
    }

    @Test
    void readWithWrappedMissingChunkRunsAgain() {
        Document answer = FsyncCommittingH2Backend.readRetryingMissingChunks("count", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("query failed", missingChunk());
            }
            return new Document("n", 3);
        });

        assertThat(answer.get("n")).isEqualTo(3);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void readFailsAfterLastAttempt() {
        assertThatThrownBy(() -> FsyncCommittingH2Backend.readRetryingMissingChunks("find", () -> {
            attempts.incrementAndGet();
            throw missingChunk();
        })).hasMessageContaining("not found");

        assertThat(attempts).hasValue(FsyncCommittingH2Backend.READ_ATTEMPTS);
    }

    @Test
    void otherFailureIsNotRetried() {
        assertThatThrownBy(() -> FsyncCommittingH2Backend.readRetryingMissingChunks("find", () -> {
            attempts.incrementAndGet();
            throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "file corrupt");
        })).hasMessageContaining("file corrupt");

        assertThat(attempts).hasValue(1);
    }

    private static RuntimeException missingChunk() {
        return DataUtils.newMVStoreException(DataUtils.ERROR_CHUNK_NOT_FOUND,
                "Chunk {0} not found", 17);
    }
}
