package io.scimsync.processor;

import io.scimsync.schemas.change.ChangeCodec;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.ChangeOutcome;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimType;
import io.scimsync.store.StoreDurability;
import io.scimsync.store.resource.ChangePosition;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The apply loop: for each polled batch, apply every change in partition order, make the store's
 * writes durable, send the outcomes, and let the container commit the offsets. A transient
 * failure propagates, so the container retries the batch with backoff; changes applied before
 * the failure are recognised as redeliveries on the retry.
 */
@Component
class ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);

    /** The change id of the outcome of a record that is not a readable change. */
    private static final String UNREADABLE = "unreadable";

    private final ChangeApplier applier;
    private final ChangeCodec codec = new ChangeCodec();
    private final StoreDurability durability;
    private final OutcomePublisher outcomes;

    ChangeListener(ChangeApplier applier, ObjectProvider<StoreDurability> durability,
            OutcomePublisher outcomes) {
        this.applier = applier;
        this.durability = durability.getIfAvailable(() -> StoreDurability.NONE);
        this.outcomes = outcomes;
    }

    @KafkaListener(
            id = ProcessorConfiguration.LISTENER_ID,
            topics = "${scimsync.topics.changes:scim.changes}",
            containerFactory = "changeListenerContainerFactory")
    void onChanges(List<ConsumerRecord<String, byte[]>> records) {
        List<OutcomePublisher.Reply> replies = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            replies.add(new OutcomePublisher.Reply(record, applyRecord(record)));
        }
        durability.flush();
        replies.forEach(outcomes::send);
    }

    private ChangeOutcome applyRecord(ConsumerRecord<String, byte[]> record) {
        ChangeEvent change;
        try {
            change = codec.decodeChange(record.value());
        } catch (IllegalArgumentException e) {
            log.error("Skipping unreadable change at {}: {}", coordinates(record), e.getMessage());
            return ChangeOutcome.rejected(UNREADABLE, new ScimError(400, ScimType.INVALID_SYNTAX,
                    "the change could not be read back from the changes topic; nothing was"
                            + " changed, check the request's encoding"));
        }
        try {
            ChangeOutcome outcome = applier.apply(change, new ChangePosition(record.partition(), record.offset()));
            log.debug("Change {} of {} at {}: {}", change.changeId(), record.key(),
                    coordinates(record), outcome.status());
            return outcome;
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw e;
            }
            log.error("Change {} of {} at {} failed; it is not applied", change.changeId(),
                    record.key(), coordinates(record), e);
            return ChangeOutcome.rejected(change.changeId(), new ScimError(500, null,
                    "the change could not be applied; reference " + change.changeId()));
        }
    }

    static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
