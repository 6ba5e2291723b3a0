package io.scimsync.ingress.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the admin and ops APIs with the operator's token from {@code scimsync.admin-token}. A
 * missing or wrong token gets 401 {@code {"error": "..."}} with {@code WWW-Authenticate: Bearer};
 * with no token configured every request gets 503, so an unconfigured deployment accepts nothing.
 * A servlet filter for the same reasons as {@link TenantAuthenticationFilter}.
 */
public class AdminAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthenticationFilter.class);

    private final AdminTokenVerifier verifier;
    private final JsonMapper mapper;

    AdminAuthenticationFilter(AdminTokenVerifier verifier, JsonMapper mapper) {
        this.verifier = verifier;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        AdminTokenVerifier.Access access =
                verifier.check(request.getHeader(HttpHeaders.AUTHORIZATION));
        switch (access) {
            case GRANTED -> chain.doFilter(request, response);
            case DISABLED -> writeError(response, HttpStatus.SERVICE_UNAVAILABLE,
                    apiName(request) + " disabled: set scimsync.admin-token");
            case MISSING_TOKEN -> reject(request, response, access,
                    "missing admin token: send 'Authorization: Bearer <scimsync.admin-token>'");
            case WRONG_TOKEN -> reject(request, response, access,
                    "invalid admin token: send the value of scimsync.admin-token as bearer token");
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response,
            AdminTokenVerifier.Access access, String message) throws IOException {
        log.debug("Rejected {} request {} {} from {}: {}", apiName(request), request.getMethod(),
                request.getRequestURI(), request.getRemoteAddr(), access);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\"");
        writeError(response, HttpStatus.UNAUTHORIZED, message);
    }

    private void writeError(HttpServletResponse response, HttpStatus status, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(Map.of("error", message)));
    }

    private static String apiName(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/ops") ? "ops API" : "admin API";
    }
}
