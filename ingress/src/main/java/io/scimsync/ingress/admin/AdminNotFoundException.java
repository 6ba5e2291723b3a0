package io.scimsync.ingress.admin;

/** A tenant or token named in an admin request path that does not exist. */
public class AdminNotFoundException extends RuntimeException {

    public AdminNotFoundException(String message) {
        super(message);
    }

    static AdminNotFoundException tenant(String tenantId) {
        return new AdminNotFoundException("tenant " + tenantId + " not found");
    }

    static AdminNotFoundException token(String tenantId, String tokenId) {
        return new AdminNotFoundException("token " + tokenId + " not found in tenant " + tenantId);
    }
}
