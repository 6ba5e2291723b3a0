package io.scimsync.schemas.profile;

/**
 * A profile mapping that cannot be accepted, naming the JSON field at fault, such as
 * {@code fields.displayName[1]}, and saying what is wrong with it.
 */
public class InvalidMappingException extends RuntimeException {

    private final String field;

    public InvalidMappingException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the JSON field at fault: {@code body}, {@code fields}, or a field or entry in it. */
    public String field() {
        return field;
    }
}
