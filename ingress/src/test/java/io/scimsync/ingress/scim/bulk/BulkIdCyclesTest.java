package io.scimsync.ingress.scim.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkIdCyclesTest {

    @Test
    void chainWithoutCycleHasNone() {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        references.put("a", Set.of("b"));
        references.put("b", Set.of("c"));
        references.put("c", Set.of());

        assertThat(BulkIdCycles.find(references)).isEmpty();
    }

    @Test
    void cycleExcludesNodesThatOnlyReachIt() {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        references.put("entry", Set.of("a"));
        references.put("a", Set.of("b"));
        references.put("b", Set.of("c"));
        references.put("c", Set.of("a", "outside"));

        Map<String, ?> cycles = BulkIdCycles.find(references);

        assertThat(cycles.keySet()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void referencesToUnknownBulkIdsAreIgnored() {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        references.put("a", Set.of("nobody"));

        assertThat(BulkIdCycles.find(references)).isEmpty();
    }

    @Test
    void longChainDoesNotOverflowStack() {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        int length = 200_000;
        for (int i = 0; i < length; i++) {
            references.put("n" + i, Set.of("n" + ((i + 1) % length)));
        }

        assertThat(BulkIdCycles.find(references)).hasSize(length);
    }
}
