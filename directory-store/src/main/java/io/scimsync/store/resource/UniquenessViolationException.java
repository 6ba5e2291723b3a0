package io.scimsync.store.resource;

/** A write rejected by a unique index: another resource of the tenant has the same unique key. */
public class UniquenessViolationException extends RuntimeException {

    public UniquenessViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
