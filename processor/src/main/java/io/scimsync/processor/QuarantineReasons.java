package io.scimsync.processor;

/**
 * The reason recorded for a quarantined change, for operators: the kind of failure and where to
 * find it in the log, never an exception message, which may quote the change's content.
 */
final class QuarantineReasons {

    private QuarantineReasons() {
    }

    static String of(RuntimeException failure, String changeId) {
        return "unexpected processor failure (" + failure.getClass().getSimpleName()
                + "); the processor log has its stack trace under change " + changeId;
    }
}
