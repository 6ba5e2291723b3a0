package io.scimsync.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.StandalonePorts;
import io.scimsync.standalone.support.StandaloneProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone process with an invalid {@code scimsync.components} setup exits at startup, with
 * a message that names the property and the fix, before it starts a broker or a store.
 */
class ComponentsStartupFailureIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void unknownComponentFailsStartup() {
        StandaloneProcess process = start(List.of("--scimsync.components=broker,cache"));

        int exitStatus = process.waitForExit(EXIT_TIMEOUT);

        assertThat(exitStatus).as("exit status").isNotZero();
        assertThat(process.log()).contains("Invalid scimsync.components 'broker,cache': unknown "
                + "component 'cache'; valid components are broker,store,ingress,processor");
        assertThat(process.log()).doesNotContain("Embedded Kafka broker listening");
    }

    @Test
    void pipelineWithoutBrokerAddressFailsStartup() {
        StandaloneProcess process = start(List.of("--scimsync.components=store,ingress,processor"));

        int exitStatus = process.waitForExit(EXIT_TIMEOUT);

        assertThat(exitStatus).as("exit status").isNotZero();
        assertThat(process.log()).contains("Missing spring.kafka.bootstrap-servers: "
                + "scimsync.components does not list broker");
    }

    @Test
    void pipelineWithoutStoreAddressFailsStartup() {
        StandaloneProcess process = start(List.of("--scimsync.components=broker,processor"));

        int exitStatus = process.waitForExit(EXIT_TIMEOUT);

        assertThat(exitStatus).as("exit status").isNotZero();
        assertThat(process.log()).contains("Missing spring.mongodb.uri: "
                + "scimsync.components does not list store");
    }

    private StandaloneProcess start(List<String> arguments) {
        return StandaloneProcess.start(dataDir, StandalonePorts.pickFree(),
                StandaloneInstance.newAdminToken(), arguments);
    }
}
