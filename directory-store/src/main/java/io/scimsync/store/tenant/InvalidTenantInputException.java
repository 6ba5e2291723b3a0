package io.scimsync.store.tenant;

/** A tenant name or token description that breaks the store's rules. */
public class InvalidTenantInputException extends IllegalArgumentException {

    private final String field;

    public InvalidTenantInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the name of the rejected input, such as {@code name} or {@code description}. */
    public String field() {
        return field;
    }
}
