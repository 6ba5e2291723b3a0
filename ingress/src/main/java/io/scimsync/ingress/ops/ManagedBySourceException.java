package io.scimsync.ingress.ops;

/** An operator's change to a resource that the tenant's SCIM client manages; 409. */
public class ManagedBySourceException extends RuntimeException {

    public ManagedBySourceException(String message) {
        super(message);
    }
}
