package io.scimsync.processor;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.scimsync.store.resource.ConcurrentWriteException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The one list that decides whether a failure to apply a change is transient (retry the batch
 * with backoff, keep the order) or belongs to the change itself. The cause chain is walked, so a
 * driver timeout wrapped in a Spring exception still counts as transient.
 */
final class FailureClassifier {

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            MongoTimeoutException.class,
            MongoSocketException.class,
            MongoNotPrimaryException.class,
            DataAccessResourceFailureException.class,
            TransientDataAccessException.class,
            RetriableException.class,
            ConcurrentWriteException.class);

    private FailureClassifier() {
    }

    static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            Throwable current = cause;
            if (TRANSIENT.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }
}
