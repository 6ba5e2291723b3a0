package io.scimsync.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the operator's bearer token on the admin and ops APIs against the configured
 * {@code scimsync.admin-token}. Without a configured token both APIs are disabled, so that a
 * deployment that forgot to set one accepts nothing. The comparison hashes both values first, so
 * it takes the same time whatever the presented token's length and content.
 */
public class AdminTokenVerifier {

    /** The result of checking a request's admin token. */
    public enum Access {
        GRANTED,
        /** No admin token is configured, so nothing is accepted. */
        DISABLED,
        MISSING_TOKEN,
        WRONG_TOKEN
    }

    private static final Logger log = LoggerFactory.getLogger(AdminTokenVerifier.class);

    private final byte[] expectedDigest;

    /** Creates a verifier; a null or blank token disables the admin and ops APIs. */
    public AdminTokenVerifier(String configuredToken) {
        boolean enabled = configuredToken != null && !configuredToken.isBlank();
        this.expectedDigest = enabled ? sha256(configuredToken.strip()) : null;
        if (!enabled) {
            log.info("Admin and ops APIs are disabled: set scimsync.admin-token to enable them");
        }
    }

    public boolean isEnabled() {
        return expectedDigest != null;
    }

    /** Checks the value of a request's {@code Authorization} header, which may be null. */
    public Access check(String authorizationHeader) {
        if (!isEnabled()) {
            return Access.DISABLED;
        }
        return AuthorizationHeader.bearerToken(authorizationHeader)
                .map(token -> MessageDigest.isEqual(expectedDigest, sha256(token))
                        ? Access.GRANTED
                        : Access.WRONG_TOKEN)
                .orElse(Access.MISSING_TOKEN);
    }

    private static byte[] sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return digest.digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
