package io.scimsync.store.profile;

/**
 * How far the re-derivation of a tenant's profiles after a mapping change has come.
 *
 * @param mappingVersion the mapping version the profiles are derived with
 * @param done users visited, whether derived or failed
 * @param total users to visit, as far as known: the count at the start, corrected to the users
 *     visited when a pass ends and increased by the users that a later pass finds
 * @param failed users whose profile the mapping cannot derive, who keep their previous profile
 */
public record RederivationProgress(
        State state, long mappingVersion, long done, long total, long failed) {

    /** Whether a re-derivation is running. */
    public enum State {
        IDLE,
        RUNNING
    }

    /** Returns the progress of a tenant whose profiles were never re-derived. */
    public static RederivationProgress none() {
        return new RederivationProgress(State.IDLE, 0, 0, 0, 0);
    }
}
