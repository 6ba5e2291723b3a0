package io.scimsync.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when a current event schema would break a consumer of the first released version. A
 * breaking change needs a new event type instead (see docs/events.md, "Versioning").
 */
class EventSchemaCompatibilityTest {

    private static final String SUFFIX = ".schema.json";

    /**
     * Lists the type suffixes of the schema files in a classpath folder. The folder of the
     * current schemas is also a package of test classes, so every copy of it is searched.
     */
    static Set<String> suffixesIn(String folder) throws IOException, URISyntaxException {
        Set<String> suffixes = new TreeSet<>();
        ClassLoader loader = EventSchemaCompatibilityTest.class.getClassLoader();
        for (URL url : Collections.list(loader.getResources(folder.substring(1)))) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(SUFFIX))
                        .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                        .forEach(suffixes::add);
            }
        }
        return suffixes;
    }

    @Test
    void releasedTypesAllHaveCurrentSchemas() throws Exception {
        Set<String> released = suffixesIn(EventSchemas.RELEASED_V1);

        assertThat(released).isNotEmpty();
        assertThat(SchemaCompatibility.removedTypes(released, suffixesIn(EventSchemas.CURRENT)))
                .isEmpty();
    }

    @Test
    void releasedTypesAllHaveEnumConstants() throws Exception {
        Set<String> known = Arrays.stream(IdentityEventType.values())
                .map(IdentityEventType::suffix)
                .collect(Collectors.toSet());

        assertThat(SchemaCompatibility.removedTypes(suffixesIn(EventSchemas.RELEASED_V1), known))
                .isEmpty();
    }

    @Test
    void currentSchemasKeepReleasedContract() throws Exception {
        for (String suffix : suffixesIn(EventSchemas.RELEASED_V1)) {
            assertThat(SchemaCompatibility.breakingChanges(
                    EventSchemas.read(EventSchemas.RELEASED_V1, suffix),
                    EventSchemas.read(EventSchemas.CURRENT, suffix)))
                    .as(suffix).isEmpty();
        }
    }
}
