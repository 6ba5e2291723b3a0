package io.scimsync.schemas.discovery;

/**
 * The limits of the {@code /Bulk} endpoint that ServiceProviderConfig advertises (RFC 7644 §3.7.4
 * requires a service provider to define both).
 *
 * @param maxOperations the largest number of operations one bulk request may carry
 * @param maxPayloadSize the largest bulk request body, in bytes
 */
public record BulkLimits(int maxOperations, int maxPayloadSize) {

    /** No bulk support: ServiceProviderConfig advertises {@code bulk.supported} false. */
    public static final BulkLimits UNSUPPORTED = new BulkLimits(0, 0);

    public boolean supported() {
        return maxOperations > 0 && maxPayloadSize > 0;
    }
}
