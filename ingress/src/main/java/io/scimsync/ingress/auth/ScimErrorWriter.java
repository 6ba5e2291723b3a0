package io.scimsync.ingress.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.scimsync.schemas.error.ScimError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a SCIM error response from a servlet filter, where the SCIM exception handler of Spring
 * MVC does not apply. The body has the RFC 7644 §3.12 shape with {@code status} as a string:
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
        response.getOutputStream().write(mapper.writeValueAsBytes(Body.of(error)));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(List<String> schemas, String status, String scimType, String detail) {

        static Body of(ScimError error) {
            String scimType = error.scimType() == null ? null : error.scimType().wireName();
            return new Body(List.of(ScimError.SCHEMA), Integer.toString(error.status()), scimType,
                    error.detail());
        }
    }
}
