package io.scimsync.ingress.scim;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads SCIM request bodies and writes SCIM responses. Bodies are parsed here rather than by a
 * message converter so that a syntax error is a SCIM {@code invalidSyntax} naming where the body
 * broke, and responses are always {@code application/scim+json}, whatever the {@code Accept} header.
 */
public final class ScimJson {

    public static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

    /**
     * Maximum nesting depth of a request body. SCIM resources nest a few levels and extension
     * data at most 16. The change that carries a body to Kafka adds levels of its own, and
     * Jackson rejects writing past 500.
     */
    private static final int MAX_BODY_NESTING = 64;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_BODY_NESTING).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ScimJson() {
    }

    /** Parses a request body; a missing, empty or malformed one is a 400 {@code invalidSyntax}. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ScimException.invalidSyntax("the request has no body; send a JSON object");
        }
        requireUtf8(body);
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ScimException.invalidSyntax("the request body is not valid JSON"
                    + where(e.getLocation()) + ": " + reason(e.getOriginalMessage()));
        }
    }

    /**
     * Rejects a body that is not strict UTF-8. The JSON parser lets some invalid sequences through
     * in member names, which then could not be written to Kafka and read back.
     */
    private static void requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(body);
        try {
            decoder.decode(input);
        } catch (CharacterCodingException e) {
            throw ScimException.invalidSyntax("the request body is not valid UTF-8 near byte "
                    + input.position() + "; send it encoded as UTF-8");
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

    /** Writes a SCIM error from outside Spring MVC, such as a servlet filter. */
    public static void write(HttpServletResponse response, ScimError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(SCIM_JSON.toString());
        response.getOutputStream().write(MAPPER.writeValueAsBytes(errorBody(error)));
    }

    /**
     * Builds the error response of a request outside the SCIM API (the admin and ops APIs), in their own
     * shape {@code {"error": "..."}}; or null for a SCIM request.
     */
    public static ResponseEntity<byte[]> nonScimError(HttpServletRequest request, ScimError error) {
        String path = request.getRequestURI();
        if (path == null || path.startsWith("/scim/")) {
            return null;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", error.detail());
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON)
                .body(MAPPER.writeValueAsBytes(body));
    }

    /** Builds the SCIM error body of RFC 7644 §3.12, with {@code status} as a string. */
    public static ObjectNode errorBody(ScimError error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ScimSchemas.ERROR);
        body.put("status", Integer.toString(error.status()));
        if (error.scimType() != null) {
            body.put("scimType", error.scimType().wireName());
        }
        body.put("detail", error.detail());
        return body;
    }

    /**
     * The first clause of a Jackson parse message, without the hints about Jackson's own
     * features and limits that mean nothing to a SCIM client.
     */
    private static String reason(String message) {
        if (message == null) {
            return "malformed input";
        }
        String first = message.split("\\R", 2)[0];
        int hint = indexOfAny(first, " (", "; ", ": was expecting");
        return hint > 0 ? first.substring(0, hint) : first;
    }

    private static int indexOfAny(String text, String... markers) {
        int first = -1;
        for (String marker : markers) {
            int index = text.indexOf(marker);
            if (index > 0 && (first < 0 || index < first)) {
                first = index;
            }
        }
        return first;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
