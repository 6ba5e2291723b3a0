package io.scimsync.store.resource;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record to publish.
 *
 * @param topic {@link #CHANGES}, {@link #STATE} or {@link #NOTICES}, the logical topic; the
 *     processor maps it to the configured topic name
 * @param value the record value, null for a tombstone on the compacted state topic
 */
public record OutboxRecord(String topic, String key, byte[] value) {

    public static final String CHANGES = "changes";
    public static final String STATE = "state";
    /** A membership notice for the processor of a group's partition, on the changes topic. */
    public static final String NOTICES = "notices";

    /** Compares the value by content, as records compare arrays by identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof OutboxRecord record && topic.equals(record.topic)
                && key.equals(record.key) && Arrays.equals(value, record.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, key) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "OutboxRecord[topic=" + topic + ", key=" + key + ", "
                + (value == null ? "tombstone" : value.length + " bytes") + "]";
    }
}
