package io.scimsync.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.StandaloneInstance;
import io.scimsync.standalone.support.StandalonePorts;
import io.scimsync.standalone.support.StandaloneProcess;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction that a killed processor left open must not hold up the next process. The test
 * leaves one open under the last transactional id of the processor's pool, with consumed
 * offsets of every partition of the changes topic pending in it, and a timeout of 5 minutes.
 * Read-committed offset fetches wait for such offsets, so the restarted processor serves writes
 * within seconds only if it fences that id before its consumers start.
 */
class TransactionFencingIT {

    /** The standalone processor's transactional id prefix and the last suffix of its pool. */
    private static final String LAST_POOLED_ID = "scimsync-processor-standalone-3";
    private static final int PARTITIONS = 6;
    private static final int WRITES = 12;
    private static final Duration WRITES_DEADLINE = Duration.ofSeconds(45);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void abandonedTransactionDelaysNoWrites() {
        StandalonePorts ports = StandalonePorts.pickFree();
        String adminToken = StandaloneInstance.newAdminToken();
        StandaloneProcess first = started(StandaloneInstance.startInChildProcess(dataDir, ports,
                adminToken));
        String token = first.newTenantToken("fencing").token();
        ScimClient firstClient = new ScimClient(first.scimUrl(), token);
        assertThat(createUser(firstClient).status()).isEqualTo(201);
        leaveTransactionOpen("127.0.0.1:" + ports.kafka());
        first.killHard();

        StandaloneProcess second = started(StandaloneInstance.startInChildProcess(dataDir, ports,
                adminToken));
        try {
            ScimClient client = new ScimClient(second.scimUrl(), token);
            long startNanos = System.nanoTime();
            for (int i = 0; i < WRITES; i++) {
                ScimClient.Response created = createUser(client);

                assertThat(created.status()).as("create %d after the restart: %s", i, created)
                        .isEqualTo(201);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - startNanos))
                    .isLessThan(WRITES_DEADLINE);
        } finally {
            second.close();
        }
    }

    /**
     * Opens a transaction under the processor's last pooled id, sends an identity event and the
     * consumed offsets of every changes partition in it, and abandons the producer without
     * committing or aborting.
     */
    private static void leaveTransactionOpen(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, LAST_POOLED_ID);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofMinutes(5).toMillis());
        KafkaProducer<String, String> producer = new KafkaProducer<>(config,
                new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("identity.changes", "fencing", "{}"));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            offsets.put(new TopicPartition("scim.changes", partition), new OffsetAndMetadata(0));
        }
        producer.sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata("scimsync-processor"));
        producer.flush();
        producer.close(Duration.ZERO);
    }

    private static StandaloneProcess started(StandaloneProcess process) {
        process.waitHealthy(StandaloneInstance.START_TIMEOUT);
        return process;
    }

    private static ScimClient.Response createUser(ScimClient client) {
        return client.post("/Users", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + " \"userName\": \"fencing." + UUID.randomUUID() + "@contoso.example\"}");
    }
}
