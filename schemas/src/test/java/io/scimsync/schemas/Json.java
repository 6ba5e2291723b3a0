package io.scimsync.schemas;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test helper: JSON literals written with single quotes, so that they fit in Java strings. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private Json() {
    }

    public static JsonNode json(String singleQuoted) {
        return MAPPER.readTree(singleQuoted);
    }

    public static ObjectNode object(String singleQuoted) {
        return (ObjectNode) json(singleQuoted);
    }
}
