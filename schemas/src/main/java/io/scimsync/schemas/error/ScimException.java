package io.scimsync.schemas.error;

/**
 * A request that cannot be served, carrying the SCIM error to send back. One factory per
 * {@code scimType}; the HTTP layer turns every instance into the error body in one place.
 */
public class ScimException extends RuntimeException {

    private final ScimError error;

    public ScimException(ScimError error) {
        super(error.detail());
        this.error = error;
    }

    public ScimError error() {
        return error;
    }

    public int status() {
        return error.status();
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(new ScimError(400, ScimType.INVALID_SYNTAX, detail));
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(new ScimError(400, ScimType.INVALID_VALUE, detail));
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(new ScimError(400, ScimType.INVALID_FILTER, detail));
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(new ScimError(400, ScimType.INVALID_PATH, detail));
    }

    public static ScimException noTarget(String detail) {
        return new ScimException(new ScimError(400, ScimType.NO_TARGET, detail));
    }

    public static ScimException mutability(String detail) {
        return new ScimException(new ScimError(400, ScimType.MUTABILITY, detail));
    }

    public static ScimException tooMany(String detail) {
        return new ScimException(new ScimError(400, ScimType.TOO_MANY, detail));
    }

    public static ScimException invalidCursor(String detail) {
        return new ScimException(new ScimError(400, ScimType.INVALID_CURSOR, detail));
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(new ScimError(409, ScimType.UNIQUENESS, detail));
    }

    /**
     * A 409 for a {@code bulkId} reference that cannot be resolved: unknown, circular, or naming
     * an operation that failed or has not run yet. RFC 7644 §3.7.1 specifies 409 for circular
     * references.
     */
    public static ScimException unresolvableReference(String detail) {
        return new ScimException(new ScimError(409, ScimType.INVALID_VALUE, detail));
    }

    public static ScimException badRequest(String detail) {
        return new ScimException(new ScimError(400, null, detail));
    }

    public static ScimException unauthorized(String detail) {
        return new ScimException(new ScimError(401, null, detail));
    }

    public static ScimException forbidden(String detail) {
        return new ScimException(new ScimError(403, null, detail));
    }

    public static ScimException notFound(String detail) {
        return new ScimException(new ScimError(404, null, detail));
    }

    public static ScimException preconditionFailed(String detail) {
        return new ScimException(new ScimError(412, null, detail));
    }

    public static ScimException methodNotAllowed(String detail) {
        return new ScimException(new ScimError(405, null, detail));
    }

    public static ScimException unsupportedMediaType(String detail) {
        return new ScimException(new ScimError(415, null, detail));
    }

    public static ScimException payloadTooLarge(String detail) {
        return new ScimException(new ScimError(413, null, detail));
    }

    public static ScimException notImplemented(String detail) {
        return new ScimException(new ScimError(501, null, detail));
    }

    public static ScimException unavailable(String detail) {
        return new ScimException(new ScimError(503, null, detail));
    }
}
