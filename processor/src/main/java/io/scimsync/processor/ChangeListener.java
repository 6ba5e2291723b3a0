package io.scimsync.processor;

import io.scimsync.schemas.change.ChangeCodec;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.ChangeOutcome;
import io.scimsync.schemas.change.MembershipNotice;
import io.scimsync.schemas.change.OperatorCommand;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimType;
import io.scimsync.store.StoreDurability;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * The apply loop: for each polled batch, pass every change and operator command, in partition
 * order, to the {@link ChangeGate}, make the store's writes durable, send the outcomes, and let
 * the container commit the offsets. A transient failure propagates, so the container retries the
 * batch with backoff. Changes applied or set aside before the failure are recognised as
 * redeliveries on the retry.
 */
@Component
class ChangeListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);

    /** The change id of the outcome of a record that is not a readable change. */
    private static final String UNREADABLE = "unreadable";

    private final ChangeGate gate;
    private final ChangeCodec codec = new ChangeCodec();
    private final StoreDurability durability;
    private final OutcomePublisher outcomes;
    private final TransactionWarmUp warmUp;

    ChangeListener(ChangeGate gate, ObjectProvider<StoreDurability> durability,
            OutcomePublisher outcomes, TransactionWarmUp warmUp) {
        this.gate = gate;
        this.warmUp = warmUp;
        this.durability = durability.getIfAvailable(() -> StoreDurability.NONE);
        this.outcomes = outcomes;
    }

    @KafkaListener(
            id = ProcessorConfiguration.LISTENER_ID,
            topics = "${scimsync.topics.changes:scim.changes}",
            containerFactory = "changeListenerContainerFactory")
    void onChanges(List<ConsumerRecord<String, byte[]>> records) {
        List<Object> decoded = new ArrayList<>(records.size());
        Set<String> tenantIds = new HashSet<>();
        Map<Integer, Long> firstOffsets = new HashMap<>();
        List<ChangeEvent> changes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            firstOffsets.putIfAbsent(record.partition(), record.offset());
            Object value = decode(record);
            decoded.add(value);
            if (value instanceof ChangeEvent change) {
                tenantIds.add(change.tenantId());
                changes.add(change);
            } else if (value instanceof OperatorCommand command) {
                tenantIds.add(command.tenantId());
            } else if (value instanceof MembershipNotice notice) {
                tenantIds.add(notice.tenantId());
            }
        }
        ChangeGate.Batch batch = gate.begin(tenantIds, firstOffsets, changes);
        List<OutcomePublisher.Reply> replies = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            Object value = decoded.get(i);
            if (value instanceof ChangeEvent change) {
                replies.add(new OutcomePublisher.Reply(record, gate.process(change, record, batch)));
            } else if (value instanceof OperatorCommand command) {
                gate.execute(command, record, batch);
            } else if (value instanceof MembershipNotice notice) {
                gate.notice(notice, record, batch);
            } else {
                replies.add(new OutcomePublisher.Reply(record, (ChangeOutcome) value));
            }
        }
        batch.finish();
        durability.flush();
        replies.forEach(outcomes::send);
        warmUp.markReady();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments,
            ConsumerSeekCallback callback) {
        gate.forget(assignments.keySet());
        if (!warmUp.isReady()) {
            warmUp.run();
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        gate.forget(partitions);
    }

    /**
     * Returns the change or operator command a record carries, or the REJECTED outcome of a record
     * that cannot be read, which is skipped.
     */
    private Object decode(ConsumerRecord<String, byte[]> record) {
        try {
            Header kind = record.headers().lastHeader(OperatorCommand.RECORD_KIND_HEADER);
            String recordKind = kind == null ? null : new String(kind.value(), StandardCharsets.UTF_8);
            if (OperatorCommand.RECORD_KIND.equals(recordKind)) {
                return codec.decodeCommand(record.value());
            }
            if (MembershipNotice.RECORD_KIND.equals(recordKind)) {
                return codec.decodeNotice(record.value());
            }
            return codec.decodeChange(record.value());
        } catch (IllegalArgumentException e) {
            log.error("Skipping unreadable record at {}: {}", coordinates(record), e.getMessage());
            return ChangeOutcome.rejected(UNREADABLE, new ScimError(400, ScimType.INVALID_SYNTAX,
                    "the change could not be read back from the changes topic; nothing was"
                            + " changed, check the request's encoding"));
        }
    }

    static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
