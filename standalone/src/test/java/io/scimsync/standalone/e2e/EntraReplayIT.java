package io.scimsync.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.TenantCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Replays every Entra-style case file under {@code entra/} on the test class path against one
 * standalone application, all with the same tenant token, and requires every step to pass.
 */
class EntraReplayIT {

    private static final Logger log = LoggerFactory.getLogger(EntraReplayIT.class);

    private static StandaloneInstance standalone;
    private static TenantCredentials tenant;

    @BeforeAll
    static void startStandalone() {
        standalone = StandaloneInstance.start();
        log.info("Standalone application healthy after {} ms",
                standalone.startToHealthy().toMillis());
        tenant = standalone.newTenantToken("entra-replay");
    }

    @AfterAll
    static void stopStandalone() {
        if (standalone != null) {
            standalone.close();
        }
    }

    static Stream<String> caseFiles() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath:entra/*.json");
        return Arrays.stream(files).map(file -> "entra/" + file.getFilename()).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseFiles")
    void caseFilePasses(String caseFile) {
        ScimCase scimCase = CaseReplayer.load(caseFile);
        CaseReplayer replayer = new CaseReplayer(standalone.scimUrl(), tenant.token());

        long startNanos = System.nanoTime();
        List<StepResult> results = replayer.replay(scimCase);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        log.info("Replayed {} ({} steps) in {} ms:\n{}", scimCase.name(), results.size(),
                elapsed.toMillis(), describe(results));

        List<StepResult> failed = results.stream().filter(result -> !result.passed()).toList();
        assertThat(failed)
                .as(() -> scimCase.name() + ": " + failed.size() + " of " + results.size()
                        + " steps failed\n" + describe(failed))
                .isEmpty();
    }

    private static String describe(List<StepResult> results) {
        return results.stream().map(StepResult::describe).collect(Collectors.joining("\n"));
    }
}
