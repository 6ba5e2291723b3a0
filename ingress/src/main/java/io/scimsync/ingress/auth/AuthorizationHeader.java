package io.scimsync.ingress.auth;

import java.util.Optional;

/** Parses the {@code Authorization} request header. */
final class AuthorizationHeader {

    private static final String BEARER = "Bearer";

    private AuthorizationHeader() {
    }

    /**
     * Returns the credentials of a {@code Bearer} header, whose scheme is case-insensitive (RFC
     * 9110 §11.1). Empty if the header is absent, uses another scheme, or has no single token.
     */
    static Optional<String> bearerToken(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase(BEARER)) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).strip();
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
