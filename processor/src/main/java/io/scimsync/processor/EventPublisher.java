package io.scimsync.processor;

import io.scimsync.schemas.change.MembershipNotice;
import io.scimsync.schemas.change.OperatorCommand;
import io.scimsync.store.resource.OutboxRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a change's outbox records to the identity topics, and membership notices to the changes
 * topic. It is called on the listener thread,
 * inside the transaction of the batch, so the records become visible to read-committed
 * consumers together with the batch's offsets, or not at all.
 */
@Component
class EventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final String changesTopic;
    private final String stateTopic;
    private final String noticeTopic;

    EventPublisher(@Qualifier("eventTemplate") KafkaTemplate<String, byte[]> template,
            TopicProperties topics) {
        this.template = template;
        this.changesTopic = topics.identityChanges();
        this.stateTopic = topics.identityState();
        this.noticeTopic = topics.changes();
    }

    void publish(List<OutboxRecord> records) {
        for (OutboxRecord record : records) {
            if (OutboxRecord.NOTICES.equals(record.topic())) {
                ProducerRecord<String, byte[]> notice =
                        new ProducerRecord<>(noticeTopic, record.key(), record.value());
                notice.headers().add(OperatorCommand.RECORD_KIND_HEADER,
                        MembershipNotice.RECORD_KIND.getBytes(StandardCharsets.UTF_8));
                template.send(notice);
                continue;
            }
            String topic = OutboxRecord.STATE.equals(record.topic()) ? stateTopic : changesTopic;
            template.send(new ProducerRecord<>(topic, record.key(), record.value()));
        }
    }
}
