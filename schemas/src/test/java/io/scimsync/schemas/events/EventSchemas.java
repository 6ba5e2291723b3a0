package io.scimsync.schemas.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helper: reads the event JSON Schema files from the classpath. */
final class EventSchemas {

    static final String CURRENT = "/io/scimsync/schemas/events/";
    static final String RELEASED_V1 = "/io/scimsync/schemas/events/released/v1/";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EventSchemas() {
    }

    /** Returns the schema of {@code suffix} under {@code folder}, or null when there is none. */
    static JsonNode read(String folder, String suffix) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(fileName(folder, suffix))) {
            return in == null ? null : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(String folder, String suffix) {
        return folder + suffix + ".schema.json";
    }
}
