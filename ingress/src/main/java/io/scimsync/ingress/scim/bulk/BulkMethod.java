package io.scimsync.ingress.scim.bulk;

import java.util.Locale;
import java.util.Optional;

/** The HTTP methods a bulk operation may use (RFC 7644 §3.7). */
public enum BulkMethod {
    POST,
    PUT,
    PATCH,
    DELETE;

    /** Returns the method named {@code name}, ignoring case. */
    static Optional<BulkMethod> fromName(String name) {
        for (BulkMethod method : values()) {
            if (method.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    /** Returns true for the methods that need {@code data}: POST, PUT and PATCH, not DELETE. */
    boolean takesData() {
        return this != DELETE;
    }
}
