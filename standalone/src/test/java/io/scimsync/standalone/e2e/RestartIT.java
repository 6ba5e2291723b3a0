package io.scimsync.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.StandalonePorts;
import io.scimsync.standalone.support.StandaloneProcess;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledged writes survive the end of the standalone process: first SIGKILL, then SIGTERM,
 * each followed by a new process on the same data directory and the same ports. Each round
 * checks the writes of every earlier round too. The data directory, with the children's log
 * {@code standalone.log}, is kept when a test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final Logger log = LoggerFactory.getLogger(RestartIT.class);

    private static final Duration START_TIMEOUT = StandaloneInstance.START_TIMEOUT;
    /** Extra wait, after a failed check, to tell a late catch-up from a lost write. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    /** Probe creates that must succeed in a row; a consumer without partitions misses 3 of 6. */
    private static final int PROBES_IN_A_ROW = 12;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    private static final List<AcknowledgedWrites> acknowledged = new ArrayList<>();
    private static StandalonePorts ports;
    private static String adminToken;
    private static StandaloneProcess standalone;
    private static ScimClient scim;

    @BeforeAll
    static void startFirstProcess() {
        ports = StandalonePorts.pickFree();
        adminToken = StandaloneInstance.newAdminToken();
        standalone = startProcess("first start");
        scim = new ScimClient(standalone.scimUrl(), standalone.newTenantToken("restart").token());
    }

    @AfterAll
    static void stopProcess() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @Order(1)
    void writesSurviveSigkill() {
        acknowledged.add(AcknowledgedWrites.write(scim, "kill"));
        int exitStatus = standalone.killHard();
        log.info("Killed standalone process with SIGKILL right after the last acknowledged write;"
                + " exit status {}", exitStatus);

        standalone = startProcess("restart after SIGKILL");

        assertAcknowledgedWritesPresent();
    }

    @Test
    @Order(2)
    void writesSurviveSigterm() {
        if (!standalone.isAlive()) {
            standalone = startProcess("start after a failed round");
        }
        awaitWritesApplied();
        acknowledged.add(AcknowledgedWrites.write(scim, "term"));
        int exitStatus = standalone.stop();
        log.info("Stopped standalone process with SIGTERM; exit status {}", exitStatus);

        standalone = startProcess("restart after SIGTERM");

        assertAcknowledgedWritesPresent();
    }

    /**
     * Sends probe creates until {@value #PROBES_IN_A_ROW} in a row get 201. The health is UP
     * once the processor owns any partition, so a consumer thread may still be starting. Each
     * probe names a new user, so its partition is random.
     */
    private static void awaitWritesApplied() {
        int inARow = 0;
        int sent = 0;
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.multipliedBy(2).toNanos();
        while (inARow < PROBES_IN_A_ROW && System.nanoTime() < deadline) {
            String userName = "probe." + UUID.randomUUID() + "@contoso.example";
            ScimClient.Response created = scim.post("/Users",
                    "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                            + " \"userName\": \"" + userName + "\"}");
            sent++;
            inARow = created.status() == 201 ? inARow + 1 : 0;
        }
        log.info("{} probe creates sent until {} in a row were applied", sent, inARow);
        assertThat(inARow).as("probe creates applied in a row").isEqualTo(PROBES_IN_A_ROW);
    }

    private static StandaloneProcess startProcess(String occasion) {
        StandaloneProcess process =
                StandaloneInstance.startInChildProcess(dataDir, ports, adminToken);
        Duration startToHealthy = process.waitHealthy(START_TIMEOUT);
        log.info("Standalone process {} ({}) healthy {} ms after its JVM started", process.pid(),
                occasion, startToHealthy.toMillis());
        return process;
    }

    /**
     * Requires every acknowledged write to be readable as soon as health reports UP. When some
     * are not, polls for up to {@link #CATCH_UP_TIMEOUT} more, so that the failure message shows
     * whether they appeared late or not at all.
     */
    private static void assertAcknowledgedWritesPresent() {
        List<String> missingAtOnce = findMissing();
        if (missingAtOnce.isEmpty()) {
            return;
        }
        AtomicReference<List<String>> stillMissing = new AtomicReference<>(missingAtOnce);
        try {
            await("acknowledged writes after restart")
                    .atMost(CATCH_UP_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        stillMissing.set(findMissing());
                        return stillMissing.get().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            log.debug("Writes still missing after {}", CATCH_UP_TIMEOUT, e);
        }
        assertThat(missingAtOnce)
                .as(() -> missingAtOnce.size() + " checks failed right after health reported UP;"
                        + " " + CATCH_UP_TIMEOUT.toSeconds() + " s later " + stillMissing.get().size()
                        + " still failed.\nAt once:\n" + String.join("\n", missingAtOnce)
                        + "\nLater:\n" + String.join("\n", stillMissing.get()))
                .isEmpty();
    }

    private static List<String> findMissing() {
        List<String> missing = new ArrayList<>();
        acknowledged.forEach(writes -> missing.addAll(writes.findMissing(scim)));
        return missing;
    }
}
