package io.scimsync.standalone.embedded;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.kafka.event.ConsumerStartingEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/**
 * Kafka consumer threads of the application's listener containers that are still running. Each
 * thread is identified by the container that publishes its {@link ConsumerStartingEvent} and
 * {@link ConsumerStoppedEvent}.
 *
 * <p>The context's lifecycle stop does not always wait for these threads. With Spring Kafka 4.0.6
 * and the processor's listener, the lifecycle phase of the listener containers ended at once. The
 * processor's consumers logged "Consumer stopped" only after the context had destroyed its beans,
 * and the cause was not found. The embedded store and broker wait for the threads here, so a
 * consumer does not write to a closed store or lose its broker while it commits and leaves.
 */
final class KafkaConsumerTracker {

    private final Set<Object> running = Collections.newSetFromMap(new IdentityHashMap<>());

    synchronized void starting(ConsumerStartingEvent event) {
        running.add(event.getSource());
    }

    synchronized void stopped(ConsumerStoppedEvent event) {
        running.remove(event.getSource());
        notifyAll();
    }

    /**
     * Blocks until every tracked consumer thread has stopped or {@code timeout} has passed.
     *
     * @return the number of consumer threads still running, 0 when all have stopped
     */
    synchronized int awaitStopped(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long remaining = timeout.toNanos();
        while (!running.isEmpty() && remaining > 0) {
            wait(Math.max(1, remaining / 1_000_000));
            remaining = deadline - System.nanoTime();
        }
        return running.size();
    }
}
