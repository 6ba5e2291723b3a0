package io.scimsync.store.safeguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Safeguard settings, tenant state, deletion counts and set-aside changes on the embedded store. */
class SafeguardStoreIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:30Z");

    private static MongoServer server;
    private static MongoClient client;

    private SafeguardStore safeguards;
    private ParkedChangeStore parked;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void createStores() {
        client.getDatabase("test").drop();
        MongoTemplate mongo = new MongoTemplate(client, "test");
        safeguards = new SafeguardStore(mongo);
        parked = new ParkedChangeStore(mongo);
        parked.afterPropertiesSet();
    }

    @Test
    void tenantWithoutDocumentHasDefaults() {
        assertThat(safeguards.control("t-1")).isEqualTo(TenantControl.defaults("t-1"));
        assertThat(safeguards.controls(List.of("t-1", "t-2"))).containsOnlyKeys("t-1", "t-2");
        assertThat(safeguards.applied("t-1")).isZero();
    }

    @Test
    void settingsRoundTrip() {
        Safeguards settings = new Safeguards(3, 12.5, Duration.ofMinutes(5), RenamePolicy.REJECT,
                0.25, 50, 5, "https://hooks.example.test/scim");

        safeguards.putSafeguards("t-1", settings);

        assertThat(safeguards.control("t-1").safeguards()).isEqualTo(settings);
        assertThat(safeguards.control("t-2").safeguards()).isEqualTo(Safeguards.DEFAULTS);
    }

    @Test
    void pauseAndResume() {
        safeguards.pause("t-1", "share of quarantined changes", T0);

        assertThat(safeguards.control("t-1").paused()).isTrue();
        assertThat(safeguards.pausedReason("t-1")).isEqualTo("share of quarantined changes");
        assertThat(safeguards.resume("t-1")).isTrue();
        assertThat(safeguards.resume("t-1")).isFalse();
        assertThat(safeguards.control("t-1").paused()).isFalse();
        assertThat(safeguards.pausedReason("t-1")).isNull();
    }

    @Test
    void deletionsCountOverTheWindowOnly() {
        Duration window = Duration.ofMinutes(10);

        assertThat(safeguards.countDeletion("t-1", T0, window)).isEqualTo(1);
        assertThat(safeguards.countDeletion("t-1", T0.plusSeconds(60), window)).isEqualTo(2);
        assertThat(safeguards.countDeletion("t-2", T0, window)).isEqualTo(1);
        assertThat(safeguards.countDeletion("t-1", T0.plus(Duration.ofMinutes(11)), window))
                .isEqualTo(2);
        assertThat(safeguards.countDeletion("t-1", T0.plus(Duration.ofMinutes(30)), window))
                .isEqualTo(1);
    }

    @Test
    void resetStartsANewWindow() {
        Duration window = Duration.ofMinutes(10);
        safeguards.countDeletion("t-1", T0, window);
        safeguards.countDeletion("t-1", T0, window);
        safeguards.setHolding("t-1", true);

        safeguards.resetDeletions("t-1");

        assertThat(safeguards.countDeletion("t-1", T0, window)).isEqualTo(1);
        assertThat(safeguards.control("t-1").holding()).isTrue();
    }

    @Test
    void appliedCountsAddPerTenant() {
        safeguards.addApplied(Map.of("t-1", 3L, "t-2", 5L));
        safeguards.addApplied(Map.of("t-1", 4L));

        assertThat(safeguards.applied("t-1")).isEqualTo(7);
        assertThat(safeguards.applied("t-2")).isEqualTo(5);
    }

    @Test
    void parkingTwiceKeepsTheFirst() {
        assertThat(parked.park(change("c-1", "t-1", "u-1", ParkState.HELD, 0, 10))).isTrue();
        assertThat(parked.park(change("c-1", "t-1", "u-1", ParkState.WAITING, 0, 10))).isFalse();

        ParkedChange found = parked.find("c-1").orElseThrow();
        assertThat(found.state()).isEqualTo(ParkState.HELD);
        assertThat(new String(found.change(), StandardCharsets.UTF_8)).isEqualTo("{\"c\":\"c-1\"}");
        assertThat(found.operation()).isEqualTo(Operation.DELETE);
        assertThat(found.resourceType()).isEqualTo(ResourceType.USER);
    }

    @Test
    void changesOfAResourceComeInRecordOrder() {
        parked.park(change("c-2", "t-1", "u-1", ParkState.WAITING, 2, 20));
        parked.park(change("c-1", "t-1", "u-1", ParkState.QUARANTINED, 2, 10));
        parked.park(change("c-3", "t-1", "u-2", ParkState.WAITING, 3, 5));

        assertThat(parked.ofResource("t-1", "t-1/User/u-1"))
                .extracting(ParkedChange::changeId).containsExactly("c-1", "c-2");
        assertThat(parked.resourceKeysOn(2)).containsExactly("t-1/User/u-1");
        assertThat(parked.waitingResourceKeys("t-1", 3)).containsExactly("t-1/User/u-2");
        assertThat(parked.count("t-1", ParkState.WAITING)).isEqualTo(2);
    }

    @Test
    void listingIsOldestFirstPerTenantAndState() {
        parked.park(change("c-1", "t-1", "u-1", ParkState.HELD, 0, 1, T0.plusSeconds(2)));
        parked.park(change("c-2", "t-1", "u-2", ParkState.HELD, 1, 1, T0));
        parked.park(change("c-3", "t-2", "u-3", ParkState.HELD, 1, 2, T0));
        parked.park(change("c-4", "t-1", "u-4", ParkState.QUARANTINED, 1, 3, T0));

        List<ParkedChange> held = parked.list("t-1", ParkState.HELD, 0, 10);

        assertThat(held).extracting(ParkedChange::changeId).containsExactly("c-2", "c-1");
        assertThat(held).allSatisfy(change -> assertThat(change.change()).isNull());
        assertThat(parked.find("t-1", "c-4", ParkState.HELD)).isEmpty();
        assertThat(parked.find("t-2", "c-1", ParkState.HELD)).isEmpty();
        assertThat(parked.find("t-1", "c-1", ParkState.HELD)).isPresent();
    }

    @Test
    void stateChangesAndRemoval() {
        parked.park(change("c-1", "t-1", "u-1", ParkState.WAITING, 0, 1));

        parked.setState("c-1", ParkState.QUARANTINED, "rejected when applied later");
        assertThat(parked.find("c-1").orElseThrow().reason()).isEqualTo("rejected when applied later");
        parked.remove("c-1");

        assertThat(parked.find("c-1")).isEmpty();
        assertThat(parked.resourceKeysOn(0)).isEmpty();
    }

    private static ParkedChange change(String id, String tenant, String resource, ParkState state,
            int partition, long offset) {
        return change(id, tenant, resource, state, partition, offset, T0);
    }

    private static ParkedChange change(String id, String tenant, String resource, ParkState state,
            int partition, long offset, Instant at) {
        return new ParkedChange(id, tenant, ResourceType.USER, resource,
                tenant + "/User/" + resource, Operation.DELETE, state, "held for a test",
                partition, offset, at, ("{\"c\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
