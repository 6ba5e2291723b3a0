package io.scimsync.store.resource;

/**
 * One record to publish.
 *
 * @param topic {@link #CHANGES} or {@link #STATE}, the logical topic; the processor maps it to
 *     the configured topic name
 * @param value the record value, null for a tombstone on the compacted state topic
 */
public record OutboxRecord(String topic, String key, byte[] value) {

    public static final String CHANGES = "changes";
    public static final String STATE = "state";
}
