package io.scimsync.processor;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens and commits an empty transaction when the processor gets its partitions, so that the
 * transactional producer is registered with the broker's transaction coordinator (which, after
 * a crash, first aborts the previous incarnation's open transaction) before the first change
 * arrives. The processor reports healthy only after it, so the first write after a restart is
 * not kept waiting by that registration.
 */
@Component
class TransactionWarmUp {

    private static final Logger log = LoggerFactory.getLogger(TransactionWarmUp.class);

    private final KafkaTemplate<String, byte[]> template;
    private final AtomicBoolean ready = new AtomicBoolean();

    TransactionWarmUp(@Qualifier("eventTemplate") KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    void run() {
        try {
            template.executeInTransaction(operations -> null);
            ready.set(true);
        } catch (RuntimeException e) {
            log.warn("Could not open a Kafka transaction yet; the first batch will: {}",
                    e.toString());
        }
    }

    /** Records that a batch ran in a transaction, which the warm-up would have proven. */
    void markReady() {
        ready.set(true);
    }

    boolean isReady() {
        return ready.get();
    }
}
