package io.scimsync.processor;

import io.scimsync.schemas.change.ChangeCodec;
import io.scimsync.schemas.change.ChangeOutcome;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends the outcome of a change to the reply topic named in the change record's headers, with
 * the record's correlation id, as Spring Kafka's request/reply template expects. A change
 * without a reply topic (a replay, a client that did not wait) gets no outcome record.
 */
@Component
class OutcomePublisher {

    private static final Logger log = LoggerFactory.getLogger(OutcomePublisher.class);

    private final KafkaTemplate<String, byte[]> outcomeTemplate;
    private final ChangeCodec codec = new ChangeCodec();

    OutcomePublisher(@Qualifier("outcomeTemplate") KafkaTemplate<String, byte[]> outcomeTemplate) {
        this.outcomeTemplate = outcomeTemplate;
    }

    /** An outcome and the change record it belongs to. */
    record Reply(ConsumerRecord<String, byte[]> change, ChangeOutcome outcome) {
    }

    void send(Reply reply) {
        Header replyTopic = reply.change().headers().lastHeader(KafkaHeaders.REPLY_TOPIC);
        Header correlation = reply.change().headers().lastHeader(KafkaHeaders.CORRELATION_ID);
        if (reply.outcome() == null || replyTopic == null || correlation == null) {
            return;
        }
        String topic = new String(replyTopic.value(), StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                topic, replyPartition(reply), reply.change().key(), codec.encode(reply.outcome()));
        record.headers().add(KafkaHeaders.CORRELATION_ID, correlation.value());
        outcomeTemplate.send(record).whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("Outcome of {} not sent; the waiting client times out and retries: {}",
                        ChangeListener.coordinates(reply.change()), failure.getMessage());
            }
        });
    }

    private static Integer replyPartition(Reply reply) {
        Header partition = reply.change().headers().lastHeader(KafkaHeaders.REPLY_PARTITION);
        if (partition == null || partition.value().length != 4) {
            return null;
        }
        return java.nio.ByteBuffer.wrap(partition.value()).getInt();
    }
}
