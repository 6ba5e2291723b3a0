package io.scimsync.ingress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.ingress.admin.AdminResponses.AdminError;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/** Responses to failures that the HTTP tests cannot provoke. */
class AdminExceptionHandlerTest {

    private final AdminExceptionHandler handler = new AdminExceptionHandler();
    private final MockHttpServletRequest request =
            new MockHttpServletRequest("GET", "/admin/v1/tenants/x");

    @Test
    void unexpectedErrorHidesItsCause() {
        ResponseEntity<AdminError> answer =
                handler.unexpected(new IllegalStateException("secret detail"), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().error()).doesNotContain("secret detail");
        assertThat(answer.getBody().error()).contains(answer.getBody().correlationId());
        assertThat(answer.getBody().correlationId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void frameworkClientErrorKeepsItsStatus() {
        ResponseEntity<AdminError> answer = handler.unexpected(
                new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED, "use GET"), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(answer.getBody().error()).isEqualTo("use GET");
        assertThat(answer.getBody().correlationId()).isNull();
    }

    @Test
    void unreachableStoreIsUnavailable() {
        ResponseEntity<AdminError> answer = handler.storeUnavailable(
                new DataAccessResourceFailureException("connection refused"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(answer.getBody().error()).doesNotContain("connection refused");
    }
}
