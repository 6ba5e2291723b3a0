package io.scimsync.processor;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Fences every transactional id of this replica before its consumers start. The ids are the
 * replica's prefix and a suffix from a fixed pool ({@link #poolSize}), so a new process can
 * initialise each of them, and the broker then aborts whatever transaction the previous
 * process left open under it.
 *
 * <p>Without this, a transaction the killed process left open, under a suffix that the new
 * process did not happen to use at once, kept its consumed offsets pending until the broker's
 * transaction timeout (60 s). A consumer fetching those offsets waited that long, because
 * read-committed offset fetches return only stable offsets.
 */
@Component
class TransactionFencing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TransactionFencing.class);

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final int poolSize;
    private volatile boolean running;

    TransactionFencing(
            @Qualifier("eventProducerFactory") DefaultKafkaProducerFactory<String, byte[]> producers,
            ProcessorProperties properties) {
        this.producers = producers;
        this.poolSize = poolSize(properties);
    }

    /**
     * Returns the number of transactional ids of one replica: one producer per consumer thread
     * in a transaction, one for the warm-up transaction, and one spare.
     */
    static int poolSize(ProcessorProperties properties) {
        return properties.concurrency() + 2;
    }

    /**
     * Creates a producer for every suffix of the pool at once, which initialises each id, and
     * returns them to the factory's cache. A broker that cannot be reached leaves the fencing
     * to the processor's first transactions, with a warning.
     */
    @Override
    public void start() {
        List<Producer<String, byte[]>> created = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                created.add(producers.createProducer());
            }
            log.info("Fenced {} transactional ids of this processor before consuming", poolSize);
        } catch (RuntimeException e) {
            log.warn("Could not fence this processor's transactional ids before consuming; a"
                    + " transaction left open by its previous process may delay its partitions"
                    + " until the broker aborts it: {}", e.toString());
        } finally {
            created.forEach(Producer::close);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the listener containers, which start at their default phase. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
    }
}
