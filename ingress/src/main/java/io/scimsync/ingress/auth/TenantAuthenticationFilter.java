package io.scimsync.ingress.auth;

import io.scimsync.schemas.error.ScimError;
import io.scimsync.store.tenant.TenantStore;
import io.scimsync.store.tenant.TenantToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every SCIM request by its tenant bearer token and binds the
 * {@link AuthenticatedTenant} to the request. A request without a valid token gets 401 with a
 * SCIM error body and {@code WWW-Authenticate: Bearer realm="scim"}, never a redirect or an HTML
 * page.
 *
 * <p>This is a servlet filter rather than a Spring MVC {@code HandlerInterceptor} because it runs
 * before Spring MVC picks a handler. So an unauthenticated client gets the same 401 on every path
 * under {@code /scim/v2} and cannot learn which paths exist, no request body is read for it, and
 * the rejection never passes through MVC exception handling or the error page.
 *
 * <p>Every request looks its token up in the store, because a revoked token must fail at once on
 * every replica. If the store cannot be reached the response is 503 with {@code Retry-After}.
 */
public class TenantAuthenticationFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "30";

    private static final Logger log = LoggerFactory.getLogger(TenantAuthenticationFilter.class);

    private final TenantStore store;
    private final ScimErrorWriter errorWriter;
    private final Clock clock;

    TenantAuthenticationFilter(TenantStore store, ScimErrorWriter errorWriter, Clock clock) {
        this.store = store;
        this.errorWriter = errorWriter;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        Optional<String> secret =
                AuthorizationHeader.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (secret.isEmpty()) {
            reject(request, response, Rejection.MISSING_TOKEN);
            return;
        }
        Optional<TenantToken> token;
        try {
            token = store.authenticate(secret.get());
        } catch (DataAccessException e) {
            rejectWhileStoreUnavailable(request, response, e);
            return;
        }
        if (token.isEmpty()) {
            reject(request, response, Rejection.INVALID_TOKEN);
            return;
        }
        accept(request, token.get());
        chain.doFilter(request, response);
    }

    private void accept(HttpServletRequest request, TenantToken token) {
        try {
            store.recordUse(token, clock.instant());
        } catch (DataAccessException e) {
            log.warn("Could not record the use of token {}; serving the request anyway: {}",
                    token.id(), e.getMessage());
        }
        new AuthenticatedTenant(token.tenantId(), token.id()).bindTo(request);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response,
            Rejection rejection) throws IOException {
        log.debug("Rejected SCIM request {} {} from {}: {}", request.getMethod(),
                request.getRequestURI(), request.getRemoteAddr(), rejection);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, rejection.challenge);
        errorWriter.write(response, new ScimError(401, null, rejection.detail));
    }

    private void rejectWhileStoreUnavailable(HttpServletRequest request,
            HttpServletResponse response, DataAccessException e) throws IOException {
        log.warn("Tenant store unavailable while authenticating {} {} from {}: {}",
                request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        errorWriter.write(response, new ScimError(503, null,
                "the tenant store is unavailable, so the token cannot be checked: retry later"));
    }

    /** Reason for rejecting a request, with the detail and challenge sent back (RFC 6750 §3). */
    enum Rejection {
        MISSING_TOKEN("missing or malformed Authorization header: send"
                + " 'Authorization: Bearer <tenant token>'", "Bearer realm=\"scim\""),
        INVALID_TOKEN("invalid or revoked bearer token: ask the service operator for a new"
                + " tenant token", "Bearer realm=\"scim\", error=\"invalid_token\"");

        private final String detail;
        private final String challenge;

        Rejection(String detail, String challenge) {
            this.detail = detail;
            this.challenge = challenge;
        }
    }
}
