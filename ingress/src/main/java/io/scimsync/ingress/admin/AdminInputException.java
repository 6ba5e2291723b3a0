package io.scimsync.ingress.admin;

/** A request body that the admin API cannot accept, naming the offending field. */
public class AdminInputException extends RuntimeException {

    private final String field;

    public AdminInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the JSON field at fault, or {@code body} when the body as a whole is wrong. */
    public String field() {
        return field;
    }
}
