package io.scimsync.ingress.auth;

import io.scimsync.ingress.scim.ScimJson;
import io.scimsync.schemas.error.ScimError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a SCIM error response from a servlet filter, where the SCIM exception handler of Spring
 * MVC does not apply. The body is {@link ScimJson#errorBody}, the RFC 7644 §3.12 shape with
 * {@code status} as a string:
 *
 * <pre>{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"401","detail":"..."}
 * </pre>
 */
final class ScimErrorWriter {

    static final String SCIM_JSON = "application/scim+json";

    private final JsonMapper mapper;

    ScimErrorWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    void write(HttpServletResponse response, ScimError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(SCIM_JSON);
        response.getOutputStream().write(mapper.writeValueAsBytes(ScimJson.errorBody(error)));
    }
}
