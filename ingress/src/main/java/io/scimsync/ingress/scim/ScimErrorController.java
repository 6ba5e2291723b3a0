package io.scimsync.ingress.scim;

import io.scimsync.schemas.error.ScimError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the servlet container: errors raised outside Spring MVC's handlers (a method
 * the container rejects, a failure in a filter) become SCIM error bodies instead of the
 * framework's default page. A request for {@code /error} itself is a 404.
 */
@RestController
public class ScimErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpStatus.NOT_FOUND.value();
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "request failed" : known.getReasonPhrase();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ScimError error = new ScimError(status, null,
                uri == null ? reason : reason + ": " + uri);
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (original instanceof String path && !path.startsWith("/scim/")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(ScimJson.mapper().writeValueAsBytes(
                            ScimJson.mapper().createObjectNode().put("error", error.detail())));
        }
        return ScimJson.answer(HttpStatusCode.valueOf(status), ScimJson.errorBody(error));
    }
}
