package io.scimsync.store;

/**
 * Makes the store's acknowledged writes durable before the processor moves its Kafka position.
 * A MongoDB replica set written with a majority, journaled write concern needs nothing more, so the
 * default does nothing; the embedded store buffers writes in its H2 file and commits it here.
 */
@FunctionalInterface
public interface StoreDurability {

    StoreDurability NONE = () -> { };

    /** Blocks until every write acknowledged so far survives a crash of the store. */
    void flush();
}
