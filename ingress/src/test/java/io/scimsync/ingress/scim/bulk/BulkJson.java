package io.scimsync.ingress.scim.bulk;

import io.scimsync.ingress.scim.ScimJson;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** JSON for bulk tests, written with single quotes in place of double quotes. */
final class BulkJson {

    static final String SCHEMAS = "'schemas': ['urn:ietf:params:scim:api:messages:2.0:BulkRequest']";

    private BulkJson() {
    }

    static JsonNode json(String singleQuoted) {
        return ScimJson.parse(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a BulkRequest body with the given operations, a JSON array's contents. */
    static JsonNode bulk(String operations) {
        return json("{" + SCHEMAS + ", 'Operations': [" + operations + "]}");
    }
}
