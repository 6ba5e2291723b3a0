package io.scimsync.ingress.auth;

import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * The tenant on whose behalf a SCIM request runs, as its bearer token proved. A controller method
 * declares a parameter of this type to receive it; code outside Spring MVC reads it with
 * {@link #from(ServletRequest)}.
 *
 * @param tenantId the tenant the request may read and change
 * @param tokenId the id of the token that authenticated the request
 */
public record AuthenticatedTenant(String tenantId, String tokenId) {

    /** Name of the request attribute that carries the authenticated tenant. */
    public static final String REQUEST_ATTRIBUTE = AuthenticatedTenant.class.getName();

    /** Returns the tenant bound to the request, empty if the request was not authenticated. */
    public static Optional<AuthenticatedTenant> from(ServletRequest request) {
        return Optional.ofNullable((AuthenticatedTenant) request.getAttribute(REQUEST_ATTRIBUTE));
    }

    void bindTo(ServletRequest request) {
        request.setAttribute(REQUEST_ATTRIBUTE, this);
    }
}
