package io.scimsync.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.store.resource.ConcurrentWriteException;
import java.time.Duration;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The split of apply failures into transient ones, which are retried, and the others. */
class FailureClassifierTest {

    @Test
    void mongoTimeoutIsTransient() {
        assertThat(FailureClassifier.isTransient(new MongoTimeoutException("no server"))).isTrue();
    }

    @Test
    void deeplyWrappedSocketFailureIsTransient() {
        var socket = new MongoSocketException("connection reset", new ServerAddress("127.0.0.1"));
        var failure = new RuntimeException("apply failed",
                new RuntimeException("write failed", socket));

        assertThat(FailureClassifier.isTransient(failure)).isTrue();
    }

    @Test
    void springResourceFailureIsTransient() {
        var failure = new DataAccessResourceFailureException("store unreachable");

        assertThat(FailureClassifier.isTransient(failure)).isTrue();
    }

    @Test
    void kafkaRetriableExceptionIsTransient() {
        var failure = new TimeoutException("no acknowledgement from the broker");

        assertThat(FailureClassifier.isTransient(failure)).isTrue();
    }

    @Test
    void concurrentWriteIsTransient() {
        var failure = new ConcurrentWriteException("resource u-1 is no longer at version 1");

        assertThat(FailureClassifier.isTransient(failure)).isTrue();
    }

    @Test
    void illegalStateIsNotTransient() {
        assertThat(FailureClassifier.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void scimExceptionIsNotTransient() {
        var failure = ScimException.invalidValue("member 'm-1' is not a User or Group");

        assertThat(FailureClassifier.isTransient(failure)).isFalse();
    }

    @Test
    void wrappedScimExceptionIsNotTransient() {
        var failure = new RuntimeException(ScimException.notFound("User u-1 not found"));

        assertThat(FailureClassifier.isTransient(failure)).isFalse();
    }

    @Test
    void selfReferencingCauseIsNotTransient() {
        var failure = new SelfCausedException();

        boolean classified = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> FailureClassifier.isTransient(failure));

        assertThat(classified).isFalse();
    }

    @Test
    void causeCycleIsNotTransient() {
        var first = new IllegalStateException("first");
        var second = new IllegalArgumentException("second", first);
        first.initCause(second);

        boolean classified = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> FailureClassifier.isTransient(first));

        assertThat(classified).isFalse();
    }

    /** An exception whose cause is itself, which {@code Throwable.initCause} does not allow. */
    private static final class SelfCausedException extends RuntimeException {

        SelfCausedException() {
            super("caused by itself");
        }

        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }
}
