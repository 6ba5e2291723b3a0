package io.scimsync.ingress.scim;

import io.scimsync.ingress.IngressProperties;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place that turns failures of SCIM requests into SCIM error responses (RFC 7644 §3.12):
 * our own {@link ScimException}s, Spring MVC's errors (unknown path, method not allowed, body too
 * large), and anything unexpected, which is a 500 with a generic detail and a reference that
 * finds the stack trace in the log.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ScimExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ScimExceptionHandler.class);

    private final IngressProperties properties;

    public ScimExceptionHandler(IngressProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(ScimException.class)
    public ResponseEntity<byte[]> scim(ScimException e) {
        return answer(e.error());
    }

    /**
     * Spring MVC's own errors carry their status ({@link ErrorResponse}); anything else is
     * unexpected.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<byte[]> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse framework) {
            return frameworkError(framework, request);
        }
        return unexpected(e, request);
    }

    private ResponseEntity<byte[]> frameworkError(ErrorResponse error, HttpServletRequest request) {
        String detail = error.getBody().getDetail();
        int status = error.getStatusCode().value();
        ScimError scimError = new ScimError(status, null, detail == null ? "request failed" : detail);
        ResponseEntity<byte[]> other = ScimJson.nonScimError(request, scimError);
        return other != null ? other : answer(scimError);
    }

    private ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure of {} {} (reference {})", request.getMethod(),
                request.getRequestURI(), reference, e);
        return answer(new ScimError(500, null,
                "internal error; quote reference " + reference + " when reporting it"));
    }

    /** Builds the SCIM error response for {@code error}, with {@code Retry-After} on a 503. */
    public ResponseEntity<byte[]> answer(ScimError error) {
        HttpHeaders headers = new HttpHeaders();
        if (error.status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            headers.set(HttpHeaders.RETRY_AFTER,
                    Long.toString(properties.retryAfter().toSeconds()));
        }
        return ScimJson.answer(
                HttpStatusCode.valueOf(error.status()), headers, ScimJson.errorBody(error));
    }
}
