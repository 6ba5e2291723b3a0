package io.scimsync.standalone.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.events.IdentityEvent;
import io.scimsync.schemas.events.IdentityEventType;
import io.scimsync.schemas.events.UserEventData;
import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.StandalonePorts;
import io.scimsync.standalone.support.StandaloneProcess;
import io.scimsync.standalone.support.TenantCredentials;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the standalone process (processor, broker and store together) with SIGKILL at random
 * moments while a client streams user updates, restarts it each time, and then reads
 * {@code identity.changes} as a read-committed consumer: every acknowledged update has exactly
 * one event, no event is duplicated or out of sequence, and every event is of an update that was
 * sent. {@code -Dscimsync.kills}, {@code -Dscimsync.kill-changes} and
 * {@code -Dscimsync.kill-writers} set the rounds (default 3), the minimum number of acknowledged
 * updates (default 600) and the concurrent clients (default 4).
 */
class EventsUnderKillsIT {

    private static final Logger log = LoggerFactory.getLogger(EventsUnderKillsIT.class);
    private static final int USERS = 20;
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void eachAcknowledgedUpdateHasExactlyOneEvent() throws InterruptedException {
        int kills = Integer.getInteger("scimsync.kills", 3);
        int minimumChanges = Integer.getInteger("scimsync.kill-changes", 600);
        StandalonePorts ports = StandalonePorts.pickFree();
        String adminToken = StandaloneInstance.newAdminToken();
        StandaloneProcess standalone = start(ports, adminToken);
        TenantCredentials tenant = standalone.newTenantToken("kills");
        ScimClient scim = new ScimClient(standalone.scimUrl(), tenant.token());
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(scim.post("/Users", "{\"schemas\": [\"" + USER + "\"], \"userName\": \"k" + i
                    + "@example.test\"}").json().path("id").asString());
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        Runnable stream = () -> {
            while (running.get()) {
                int i = counter.getAndIncrement();
                String value = "v-" + i;
                sent.add(value);
                try {
                    ScimClient.Response answer = scim.patch("/Users/" + users.get(i % USERS),
                            "{\"schemas\": [\"" + PATCH + "\"], \"Operations\": [{\"op\": \"replace\","
                                    + " \"path\": \"displayName\", \"value\": \"" + value + "\"}]}");
                    if (answer.status() == 200) {
                        acknowledged.add(value);
                    }
                } catch (UncheckedIOException e) {
                    sleep(200);
                }
            }
        };
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("scimsync.kill-writers", 4); i++) {
            Thread writer = new Thread(stream, "update-stream-" + i);
            writers.add(writer);
            writer.start();
        }

        Random random = new Random();
        try {
            for (int round = 1; round <= kills; round++) {
                Thread.sleep(1000 + random.nextInt(3000));
                int exit = standalone.killHard();
                log.info("Round {}: killed the standalone process (exit {}) after {} updates sent",
                        round, exit, counter.get());
                standalone = start(ports, adminToken);
            }
            while (acknowledged.size() < minimumChanges) {
                Thread.sleep(200);
            }
        } finally {
            running.set(false);
            for (Thread writer : writers) {
                writer.join();
            }
        }

        Map<String, Integer> eventsPerValue = new HashMap<>();
        int created;
        try (IdentityConsumer consumer = new IdentityConsumer("127.0.0.1:" + ports.kafka(),
                "identity.changes")) {
            List<IdentityEvent> events = consumer.readUntilIdle(Duration.ofSeconds(10)).stream()
                    .filter(event -> event.tenantId().equals(tenant.tenantId()))
                    .toList();
            created = (int) events.stream()
                    .filter(event -> event.type() == IdentityEventType.USER_CREATED).count();
            for (IdentityEvent event : events) {
                if (event.type() == IdentityEventType.USER_UPDATED) {
                    String value = ((UserEventData) event.data()).profile().displayName();
                    eventsPerValue.merge(value, 1, Integer::sum);
                }
            }
            assertThat(consumer.problems()).isEmpty();
            assertThat(consumer.duplicates()).isZero();
        } finally {
            standalone.close();
        }
        log.info("{} kills, {} updates sent, {} acknowledged, {} update events", kills, sent.size(),
                acknowledged.size(), eventsPerValue.size());

        assertThat(created).isEqualTo(USERS);
        assertThat(eventsPerValue.values()).containsOnly(1);
        assertThat(eventsPerValue.keySet()).containsAll(acknowledged);
        assertThat(sent).containsAll(eventsPerValue.keySet());
    }

    private StandaloneProcess start(StandalonePorts ports, String adminToken) {
        StandaloneProcess process = StandaloneInstance.startInChildProcess(dataDir, ports, adminToken);
        process.waitHealthy(StandaloneInstance.START_TIMEOUT);
        return process;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
