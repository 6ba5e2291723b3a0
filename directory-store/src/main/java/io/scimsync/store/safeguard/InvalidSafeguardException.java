package io.scimsync.store.safeguard;

/** A safeguard setting outside its allowed range, naming the setting. */
public class InvalidSafeguardException extends IllegalArgumentException {

    private final String field;

    public InvalidSafeguardException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the name of the rejected setting, as the ops API spells it. */
    public String field() {
        return field;
    }
}
