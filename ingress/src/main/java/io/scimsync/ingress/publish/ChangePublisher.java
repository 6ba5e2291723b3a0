package io.scimsync.ingress.publish;

import io.scimsync.ingress.IngressProperties;
import io.scimsync.ingress.IngressTopicProperties;
import io.scimsync.schemas.change.ChangeCodec;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.ChangeOutcome;
import io.scimsync.schemas.error.ScimException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.requestreply.RequestReplyFuture;
import org.springframework.stereotype.Component;

/**
 * Publishes a change to the changes topic and waits, bounded, for the processor's outcome.
 * No outcome is returned unless the broker acknowledged the change ({@code acks=all}, idempotent
 * producer); a broker that cannot be reached, or an outcome that does not arrive in time, is a
 * 503 for the client to retry.
 */
@Component
public class ChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(ChangePublisher.class);

    private final ReplyingKafkaTemplate<String, byte[], byte[]> template;
    private final ChangeCodec codec = new ChangeCodec();
    private final IngressProperties properties;
    private final String topic;

    public ChangePublisher(ReplyingKafkaTemplate<String, byte[], byte[]> changeTemplate,
            IngressProperties properties, IngressTopicProperties topics) {
        this.template = changeTemplate;
        this.properties = properties;
        this.topic = topics.changes();
    }

    /**
     * Publishes {@code change} and returns its outcome.
     *
     * @throws ScimException 503 when the broker does not acknowledge the change or no outcome
     *     arrives within the configured wait
     */
    public ChangeOutcome publish(ChangeEvent change) {
        var record = new ProducerRecord<>(topic, change.recordKey(), codec.encode(change));
        RequestReplyFuture<String, byte[], byte[]> future;
        try {
            future = template.sendAndReceive(record, properties.outcomeTimeout());
        } catch (RuntimeException e) {
            throw brokerUnavailable(change, e);
        }
        awaitAcknowledgement(change, future);
        return awaitOutcome(change, future);
    }

    private void awaitAcknowledgement(ChangeEvent change, RequestReplyFuture<?, ?, ?> future) {
        try {
            future.getSendFuture().get(properties.brokerTimeout().toMillis() + 1000,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw brokerUnavailable(change, e);
        } catch (ExecutionException e) {
            throw rejectedByBroker(change, e);
        } catch (TimeoutException e) {
            throw brokerUnavailable(change, e);
        }
    }

    private ScimException rejectedByBroker(ChangeEvent change, ExecutionException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return ScimException.payloadTooLarge("the change is too large to publish as one"
                        + " record; split it into several requests");
            }
        }
        return brokerUnavailable(change, e);
    }

    private ChangeOutcome awaitOutcome(
            ChangeEvent change, RequestReplyFuture<String, byte[], byte[]> future) {
        try {
            ConsumerRecord<String, byte[]> reply = future.get(
                    properties.outcomeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            return codec.decodeOutcome(reply.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw noOutcome(change);
        } catch (ExecutionException | TimeoutException e) {
            throw noOutcome(change);
        }
    }

    private ScimException brokerUnavailable(ChangeEvent change, Exception cause) {
        log.warn("Change {} of {} not acknowledged by the broker: {}", change.changeId(),
                change.recordKey(), cause.getMessage());
        return ScimException.unavailable("the change was not accepted because the message broker"
                + " is unavailable; nothing was changed, retry the request later");
    }

    private ScimException noOutcome(ChangeEvent change) {
        log.warn("No outcome for change {} of {} within {}", change.changeId(),
                change.recordKey(), properties.outcomeTimeout());
        return ScimException.unavailable("the change was accepted but not applied within "
                + properties.outcomeTimeout().toSeconds() + " s; it will be applied, retry the"
                + " request later to learn its result");
    }
}
