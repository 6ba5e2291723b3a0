package io.scimsync.standalone.bench;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processor's apply lag quantiles from a Prometheus scrape:
 * {@code scimsync_apply_lag_seconds{quantile="0.5"}} and {@code quantile="0.99"}. Micrometer
 * computes them over a window that decays over 2 minutes, so a scrape right after a phase
 * mostly reflects that phase.
 */
final class ApplyLag {

    private static final String METRIC = "scimsync_apply_lag_seconds";

    private ApplyLag() {
    }

    /** Returns the quantile in milliseconds, or empty when the scrape does not contain it. */
    static OptionalDouble quantileMillis(String scrape, String quantile) {
        Pattern line = Pattern.compile("^" + METRIC + "\\{[^}]*quantile=\"" + Pattern.quote(quantile)
                + "\"[^}]*\\}\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(scrape);
        if (!matcher.find()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(matcher.group(1)) * 1000.0);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
