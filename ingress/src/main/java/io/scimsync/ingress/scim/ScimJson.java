package io.scimsync.ingress.scim;

import io.scimsync.schemas.error.ScimException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads SCIM request bodies and writes SCIM answers. Bodies are parsed here rather than by a
 * message converter so that a syntax error is a SCIM {@code invalidSyntax} naming where the body
 * broke, and answers are always {@code application/scim+json}, whatever the {@code Accept} header.
 */
public final class ScimJson {

    public static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ScimJson() {
    }

    /** Parses a request body; a missing, empty or malformed one is a 400 {@code invalidSyntax}. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ScimException.invalidSyntax("the request has no body; send a JSON object");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ScimException.invalidSyntax("the request body is not valid JSON"
                    + where(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    public static ResponseEntity<byte[]> answer(HttpStatusCode status, JsonNode body) {
        return answer(status, new HttpHeaders(), body);
    }

    public static ResponseEntity<byte[]> answer(
            HttpStatusCode status, HttpHeaders headers, JsonNode body) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentType(SCIM_JSON);
        return new ResponseEntity<>(MAPPER.writeValueAsBytes(body), all, status);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
