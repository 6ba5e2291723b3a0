package io.scimsync.ingress.ops;

import io.scimsync.ingress.IngressTopicProperties;
import io.scimsync.schemas.change.ChangeCodec;
import io.scimsync.schemas.change.OperatorCommand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes operators' decisions to the changes topic, where the processor carries them out in
 * order with the changes. A RELEASE or DISCARD goes under the key of the change it is about, so
 * it lands on that change's partition after it; a RESUME goes to every partition. Each send waits
 * for the broker's acknowledgement, so a 200 from the ops API means the decision is durable.
 */
@Component
class OperatorCommandPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 10;

    private final KafkaTemplate<String, byte[]> template;
    private final ChangeCodec codec = new ChangeCodec();
    private final String topic;

    OperatorCommandPublisher(@Qualifier("changeTemplate") KafkaTemplate<String, byte[]> changeTemplate,
            IngressTopicProperties topics) {
        this.template = changeTemplate;
        this.topic = topics.changes();
    }

    /** Asks the processor to act on the set-aside change of {@code resourceKey}. */
    void publish(String tenantId, OperatorCommand.Action action, String changeId,
            String resourceKey) {
        send(new ProducerRecord<>(topic, null, resourceKey,
                codec.encode(command(tenantId, action, changeId))));
    }

    /** Tells the processor of every partition that the tenant was resumed. */
    void publishResume(String tenantId) {
        byte[] value = codec.encode(command(tenantId, OperatorCommand.Action.RESUME, null));
        for (PartitionInfo partition : template.partitionsFor(topic)) {
            send(new ProducerRecord<>(topic, partition.partition(), tenantId, value));
        }
    }

    private static OperatorCommand command(String tenantId, OperatorCommand.Action action,
            String changeId) {
        return new OperatorCommand(UUID.randomUUID().toString(), tenantId, action, changeId,
                Instant.now());
    }

    private void send(ProducerRecord<String, byte[]> record) {
        record.headers().add(OperatorCommand.RECORD_KIND_HEADER,
                OperatorCommand.RECORD_KIND.getBytes(StandardCharsets.UTF_8));
        try {
            template.send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static BrokerUnavailableException unavailable() {
        return new BrokerUnavailableException("the message broker did not acknowledge the"
                + " decision; nothing was decided, retry it");
    }
}
