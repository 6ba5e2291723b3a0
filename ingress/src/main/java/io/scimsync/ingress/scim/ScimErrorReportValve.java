package io.scimsync.ingress.scim;

import io.scimsync.schemas.error.ScimError;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for requests it rejects before any servlet runs (a malformed request
 * line, an invalid character in the path, headers too large): a SCIM error body instead of
 * Tomcat's HTML page, which SCIM clients cannot read.
 */
public class ScimErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String detail = known == null ? "request rejected" : known.getReasonPhrase()
                + ": the request is malformed at the HTTP level; check its request line, path"
                + " and headers";
        try {
            response.resetBuffer();
            ScimJson.write(response.getResponse(), new ScimError(status, null, detail));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, e);
        }
    }
}
