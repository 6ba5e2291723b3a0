package io.scimsync.store.tenant;

/**
 * A newly issued token together with its secret. The secret exists only in this object: the store
 * keeps its hash, so the caller must show it to the operator now or it is lost.
 *
 * @param token the stored token
 * @param secret the bearer token value, {@code scim_} followed by 43 URL-safe base64 characters
 */
public record IssuedToken(TenantToken token, String secret) {

    /** Describes the token without its secret, so that logging this object leaks nothing. */
    @Override
    public String toString() {
        return "IssuedToken[token=" + token + ", secret=<redacted>]";
    }
}
