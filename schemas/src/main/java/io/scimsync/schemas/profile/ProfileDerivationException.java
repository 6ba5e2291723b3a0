package io.scimsync.schemas.profile;

/**
 * A user whose profile the mapping cannot derive: the mapping is wrong for this user, so the
 * change that carries the user is not the client's fault. The message names the profile field,
 * the attribute paths and JSON types involved, never an attribute value, because values are
 * personal data and the message may be logged.
 */
public class ProfileDerivationException extends RuntimeException {

    private final ProfileField field;
    private final String reason;

    public ProfileDerivationException(ProfileField field, String reason) {
        super("cannot derive profile field '" + field.jsonName() + "': " + reason);
        this.field = field;
        this.reason = reason;
    }

    public ProfileField field() {
        return field;
    }

    /** Returns what is wrong, without the field name: "none of its paths [userName] has a value". */
    public String reason() {
        return reason;
    }
}
