package io.scimsync.processor;

import io.scimsync.schemas.profile.InvalidMappingException;
import io.scimsync.schemas.profile.ProfileDerivationException;

/**
 * The reason recorded for a quarantined change, for operators: the kind of failure and where to
 * look, never an exception message that may quote the change's content. A mapping failure says
 * which profile field failed and why, in terms of paths and types only.
 */
final class QuarantineReasons {

    private QuarantineReasons() {
    }

    static boolean isMappingFailure(RuntimeException failure) {
        return failure instanceof ProfileDerivationException
                || failure instanceof InvalidMappingException;
    }

    static String of(RuntimeException failure, String changeId) {
        if (failure instanceof ProfileDerivationException derivation) {
            return "mapping: profile field " + derivation.field().jsonName() + ": "
                    + derivation.reason() + "; fix the tenant's mapping, then replay";
        }
        if (failure instanceof InvalidMappingException mapping) {
            return "mapping: the tenant's stored mapping is invalid at " + mapping.field()
                    + "; put a valid mapping, then replay";
        }
        return "unexpected processor failure (" + failure.getClass().getSimpleName()
                + "); the processor log has its stack trace under change " + changeId;
    }
}
