package io.scimsync.store.resource;

/**
 * A conditional write that found another version than expected: a second writer (a processor
 * that lost its partition but has not noticed yet) changed the resource in between.
 */
public class ConcurrentWriteException extends RuntimeException {

    public ConcurrentWriteException(String message) {
        super(message);
    }
}
