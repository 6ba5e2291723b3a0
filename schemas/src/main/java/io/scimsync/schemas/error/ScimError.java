package io.scimsync.schemas.error;

/**
 * The SCIM error object of RFC 7644 §3.12. On the wire {@code status} is a string, as Entra and
 * Microsoft's validator expect; {@code scimType} is absent when no SCIM type applies.
 */
public record ScimError(int status, ScimType scimType, String detail) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
}
