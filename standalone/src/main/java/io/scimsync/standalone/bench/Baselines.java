package io.scimsync.standalone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * Raw rates of the pipeline's own broker and store, for records and documents of the size of a
 * full Entra user: an idempotent producer with {@code acks=all} to a topic of the bench's own
 * (6 partitions, as the changes topic), and bulk upserts of 200 documents (the processor's
 * default batch) into a collection of the bench's own. Both are removed afterwards.
 */
final class Baselines {

    private static final int UPSERT_BATCH = 200;
    private static final int PARTITIONS = 6;

    private Baselines() {
    }

    static double kafkaRecordsPerSecond(String bootstrapServers, byte[] value, int records)
            throws InterruptedException, ExecutionException {
        String topic = "bench.baseline." + UUID.randomUUID();
        Map<String, Object> common = Map.of("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            try {
                return produce(bootstrapServers, topic, value, records);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    private static double produce(String bootstrapServers, String topic, byte[] value,
            int records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config,
                new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "tenant/User/" + i, value));
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    static double storeUpsertsPerSecond(String mongoUri, String database, Document document,
            int documents) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase(database)
                    .getCollection("bench_baseline_" + UUID.randomUUID().toString().replace("-", ""));
            try {
                long start = System.nanoTime();
                for (int from = 0; from < documents; from += UPSERT_BATCH) {
                    collection.bulkWrite(batch(document, from,
                            Math.min(documents, from + UPSERT_BATCH)));
                }
                return documents / ((System.nanoTime() - start) / 1e9);
            } finally {
                collection.drop();
            }
        }
    }

    private static List<WriteModel<Document>> batch(Document document, int from, int to) {
        List<WriteModel<Document>> models = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = "bench-" + i;
            Document copy = new Document(document).append("_id", id);
            models.add(new ReplaceOneModel<>(Filters.eq("_id", id), copy,
                    new ReplaceOptions().upsert(true)));
        }
        return models;
    }
}
