package io.scimsync.store.safeguard;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * A tenant's safeguard settings, as the ops API reads and writes them.
 *
 * @param deletionThreshold how many disables and deletes a window may apply; null for no absolute
 *     limit
 * @param deletionThresholdPercent the same limit as a percentage of the tenant's users; null for
 *     none. When both are set the lower limit wins; when neither is, nothing is held.
 * @param deletionWindow the span over which disables and deletes are counted
 * @param quarantinePauseRatio the share of recent changes that, once quarantined, pauses the tenant
 * @param quarantinePauseWindow how many of the tenant's most recent changes the share is taken of
 * @param quarantinePauseMinimum how many quarantined changes the window must hold before the
 *     share is evaluated
 * @param notificationUrl an http or https URL that receives a JSON notice when changes are held
 *     or released, and when the tenant is paused. Null means no notices.
 */
public record Safeguards(
        Integer deletionThreshold,
        Double deletionThresholdPercent,
        Duration deletionWindow,
        RenamePolicy renamePolicy,
        double quarantinePauseRatio,
        int quarantinePauseWindow,
        int quarantinePauseMinimum,
        String notificationUrl) {

    /** The maximum window: a day, well beyond Entra's cycle of about 40 minutes. */
    static final Duration MAX_WINDOW = Duration.ofDays(1);

    /** The largest quarantine window the processor keeps per tenant in memory. */
    static final int MAX_PAUSE_WINDOW = 100_000;

    public static final Safeguards DEFAULTS = new Safeguards(
            500, null, Duration.ofMinutes(40), RenamePolicy.ALLOW, 0.4, 1000, 100, null);

    /** @throws InvalidSafeguardException naming the first setting out of range */
    public Safeguards {
        if (deletionThreshold != null && deletionThreshold < 0) {
            throw new InvalidSafeguardException("deletionThreshold",
                    "deletionThreshold must be 0 or more, or null for no absolute limit");
        }
        if (deletionThresholdPercent != null && (deletionThresholdPercent.isNaN()
                || deletionThresholdPercent < 0 || deletionThresholdPercent > 100)) {
            throw new InvalidSafeguardException("deletionThresholdPercent",
                    "deletionThresholdPercent must be between 0 and 100, or null for none");
        }
        if (deletionWindow == null || deletionWindow.compareTo(Duration.ofMinutes(1)) < 0
                || deletionWindow.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidSafeguardException("deletionWindow",
                    "deletionWindow must be an ISO-8601 duration from PT1M to P1D, such as PT40M");
        }
        if (renamePolicy == null) {
            throw new InvalidSafeguardException("renamePolicy",
                    "renamePolicy must be \"allow\" or \"reject\"");
        }
        if (Double.isNaN(quarantinePauseRatio) || quarantinePauseRatio <= 0
                || quarantinePauseRatio > 1) {
            throw new InvalidSafeguardException("quarantinePauseRatio",
                    "quarantinePauseRatio must be more than 0 and at most 1, such as 0.4");
        }
        if (quarantinePauseWindow < 1 || quarantinePauseWindow > MAX_PAUSE_WINDOW) {
            throw new InvalidSafeguardException("quarantinePauseWindow",
                    "quarantinePauseWindow must be from 1 to " + MAX_PAUSE_WINDOW);
        }
        if (quarantinePauseMinimum < 1 || quarantinePauseMinimum > quarantinePauseWindow) {
            throw new InvalidSafeguardException("quarantinePauseMinimum",
                    "quarantinePauseMinimum must be from 1 to quarantinePauseWindow");
        }
        if (notificationUrl != null) {
            requireHttpUrl(notificationUrl);
        }
    }

    /**
     * Returns the number of disables and deletes a window may apply for a tenant of {@code
     * userCount} users, or -1 when neither threshold is set.
     */
    public long deletionLimit(long userCount) {
        long limit = -1;
        if (deletionThreshold != null) {
            limit = deletionThreshold;
        }
        if (deletionThresholdPercent != null) {
            long share = (long) Math.floor(userCount * deletionThresholdPercent / 100.0);
            limit = limit < 0 ? share : Math.min(limit, share);
        }
        return limit;
    }

    /** Returns whether the limit depends on the tenant's number of users. */
    public boolean needsUserCount() {
        return deletionThresholdPercent != null;
    }

    private static void requireHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidSafeguardException("notificationUrl",
                "notificationUrl must be an absolute http or https URL without credentials,"
                        + " or null for none");
    }
}
