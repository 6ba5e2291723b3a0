package io.scimsync.ingress.admin;

import io.scimsync.ingress.admin.AdminResponses.AdminError;
import io.scimsync.ingress.ops.BrokerUnavailableException;
import io.scimsync.ingress.ops.ManagedBySourceException;
import io.scimsync.ingress.ops.TenantOpsController;
import io.scimsync.store.safeguard.InvalidSafeguardException;
import io.scimsync.store.tenant.DuplicateTenantNameException;
import io.scimsync.store.tenant.InvalidTenantInputException;
import io.scimsync.store.tenant.TenantNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns failures of the admin and ops controllers into {@code {"error": "..."}} responses. It
 * applies only to controllers in this package and in the ops package, so the SCIM API keeps its
 * own error format, and it is ordered first so that it wins over a global handler for them. Bad
 * input gets a 4xx. Anything unexpected gets a 500 with a generic message and a correlation
 * id, and its stack trace goes to the log only.
 */
@RestControllerAdvice(basePackageClasses = {
    TenantAdminController.class, TenantOpsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminExceptionHandler {

    static final String RETRY_AFTER_SECONDS = "30";

    private static final Logger log = LoggerFactory.getLogger(AdminExceptionHandler.class);

    @ExceptionHandler(AdminInputException.class)
    ResponseEntity<AdminError> invalidBody(AdminInputException e) {
        return respond(HttpStatus.BAD_REQUEST, AdminError.ofField(e.getMessage(), e.field()));
    }

    @ExceptionHandler(InvalidTenantInputException.class)
    ResponseEntity<AdminError> invalidValue(InvalidTenantInputException e) {
        return respond(HttpStatus.BAD_REQUEST, AdminError.ofField(e.getMessage(), e.field()));
    }

    @ExceptionHandler(InvalidSafeguardException.class)
    ResponseEntity<AdminError> invalidSafeguard(InvalidSafeguardException e) {
        return respond(HttpStatus.BAD_REQUEST, AdminError.ofField(e.getMessage(), e.field()));
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<AdminError> brokerUnavailable(BrokerUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_JSON)
                .body(AdminError.of(e.getMessage()));
    }

    @ExceptionHandler(ManagedBySourceException.class)
    ResponseEntity<AdminError> managedBySource(ManagedBySourceException e) {
        return respond(HttpStatus.CONFLICT, AdminError.of(e.getMessage()));
    }

    @ExceptionHandler(DuplicateTenantNameException.class)
    ResponseEntity<AdminError> duplicateName(DuplicateTenantNameException e) {
        return respond(HttpStatus.CONFLICT, AdminError.ofField(e.getMessage(), "name"));
    }

    @ExceptionHandler({AdminNotFoundException.class, TenantNotFoundException.class})
    ResponseEntity<AdminError> notFound(RuntimeException e) {
        return respond(HttpStatus.NOT_FOUND, AdminError.of(e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<AdminError> unreadableBody(HttpMessageNotReadableException e) {
        return respond(HttpStatus.BAD_REQUEST,
                AdminError.ofField(describeUnreadable(e), AdminRequestBodies.BODY));
    }

    /** No body, because the client accepts no type this API can write. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<AdminError> storeUnavailable(DataAccessResourceFailureException e) {
        log.warn("Tenant store unavailable for an admin request: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_JSON)
                .body(AdminError.of("tenant store unavailable: retry later"));
    }

    /**
     * Maps Spring MVC's own client errors (such as an unsupported Content-Type) to their status,
     * and everything else to 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<AdminError> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return clientError(response);
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("Admin request {} {} failed, correlation id {}", request.getMethod(),
                request.getRequestURI(), correlationId, e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, new AdminError(
                "internal error: report correlation id " + correlationId + " to the operator",
                null, correlationId));
    }

    private static ResponseEntity<AdminError> clientError(ErrorResponse response) {
        String detail = response.getBody().getDetail();
        HttpStatusCode status = response.getStatusCode();
        return ResponseEntity.status(status)
                .headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_JSON)
                .body(AdminError.of(detail == null ? status.toString() : detail));
    }

    private static String describeUnreadable(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException jackson)) {
            return "request body is not readable JSON: send a JSON object";
        }
        TokenStreamLocation location = jackson.getLocation();
        String where = location == null ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "malformed JSON" + where + ": " + jackson.getOriginalMessage();
    }

    private static ResponseEntity<AdminError> respond(HttpStatus status, AdminError error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error);
    }
}
