package io.scimsync.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.patch.PatchEngine;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.DefaultTransactionIdSuffixStrategy;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;

/** The processor's beans: the changes listener, its Kafka clients and the topics it owns. */
@Configuration(proxyBeanMethods = false)
@EnableKafka
@EnableConfigurationProperties({ProcessorProperties.class, TopicProperties.class})
@ComponentScan(excludeFilters = {
    @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ProcessorApplication.class),
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)
})
public class ProcessorConfiguration {

    static final String LISTENER_ID = "scimsync-processor";

    @Bean
    NewTopic changesTopic(TopicProperties topics) {
        return TopicBuilder.name(topics.changes())
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .build();
    }

    @Bean
    NewTopic outcomesTopic(TopicProperties topics) {
        return TopicBuilder.name(topics.outcomes())
                .partitions(topics.outcomePartitions())
                .replicas(topics.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "3600000")
                .build();
    }

    @Bean
    NewTopic identityChangesTopic(TopicProperties topics) {
        return TopicBuilder.name(topics.identityChanges())
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .build();
    }

    @Bean
    NewTopic identityStateTopic(TopicProperties topics) {
        return TopicBuilder.name(topics.identityState())
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .compact()
                .build();
    }

    /**
     * The transactional producer of identity events. Each polled batch of changes is one Kafka
     * transaction: its events and its consumed offsets commit together, or neither does. The
     * transactional id prefix names this replica, so that two replicas never fence each other.
     */
    @Bean
    DefaultKafkaProducerFactory<String, byte[]> eventProducerFactory(KafkaProperties kafka,
            ProcessorProperties properties) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var factory = new DefaultKafkaProducerFactory<String, byte[]>(
                config, new StringSerializer(), new ByteArraySerializer());
        String replica = properties.instanceId() == null || properties.instanceId().isBlank()
                ? UUID.randomUUID().toString() : properties.instanceId();
        factory.setTransactionIdPrefix("scimsync-processor-" + replica + "-");
        // A fixed pool of suffixes, so that a restarted replica can name every id its previous
        // process could have left a transaction open under, and fences them all.
        factory.setTransactionIdSuffixStrategy(
                new DefaultTransactionIdSuffixStrategy(TransactionFencing.poolSize(properties)));
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> eventTemplate(
            @Qualifier("eventProducerFactory") DefaultKafkaProducerFactory<String, byte[]> producers) {
        return new KafkaTemplate<>(producers);
    }

    @Bean
    PatchEngine patchEngine(SchemaRegistry registry) {
        return new PatchEngine(registry);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> changeListenerContainerFactory(
            KafkaProperties kafka, ProcessorProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry,
            @Qualifier("eventProducerFactory") DefaultKafkaProducerFactory<String, byte[]> events) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxBatch());
        // Membership notices are written in the processors' transactions: an aborted one's
        // notices must never be acted on.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            // Spring Kafka appends the index of each consumer thread to this id.
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.instanceId());
        }
        var consumers = new DefaultKafkaConsumerFactory<>(
                config, new StringDeserializer(), new ByteArrayDeserializer());
        // The consumer's own metrics, the records lag among them, appear in /actuator/prometheus.
        meterRegistry.ifAvailable(registry ->
                consumers.addListener(new MicrometerConsumerListener<>(registry)));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.concurrency());
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        factory.getContainerProperties().setKafkaAwareTransactionManager(
                new KafkaTransactionManager<>(events));
        factory.setAfterRollbackProcessor(retryForever());
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> outcomeTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                config, new StringSerializer(), new ByteArraySerializer()));
    }

    /**
     * Retries a batch that failed for a transient reason (store or broker unreachable) with a
     * growing delay, without end: skipping it would lose acknowledged changes. The batch's
     * transaction is aborted first, so none of its events is visible to read-committed
     * consumers. Failures of one change are handled per record by the listener and never reach
     * this processor.
     */
    private static DefaultAfterRollbackProcessor<String, byte[]> retryForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultAfterRollbackProcessor<>(backOff);
    }
}
