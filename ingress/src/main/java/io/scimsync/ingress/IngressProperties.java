package io.scimsync.ingress;

import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the SCIM ingress, {@code scimsync.ingress.*}.
 *
 * @param outcomeTimeout how long a write waits for the processor's outcome before the client
 *     gets 503; the change stays in Kafka and is applied later
 * @param brokerTimeout how long publishing a change may wait for the broker before the client
 *     gets 503
 * @param retryAfter the delay suggested in the {@code Retry-After} header of a 503
 * @param maxResults the largest page a list request returns, advertised in ServiceProviderConfig
 * @param defaultCount the page size when a list request gives no {@code count}
 * @param maxRequestBytes the largest request body accepted; larger ones are rejected with 413
 *     before they are read, and a change must fit into one Kafka record (1 MiB by default)
 * @param maxFilterLength the longest {@code filter} accepted, in characters, in a URL or a
 *     search body; longer ones are rejected with 400 {@code invalidFilter} before they are parsed
 * @param instanceId names this replica's consumer group on the outcomes topic; unique per replica
 * @param publicBaseUrl the SCIM base URL clients use, for {@code meta.location}; empty means
 *     derive it from each request (honouring {@code X-Forwarded-*} headers)
 * @param bulk the limits of {@code POST /Bulk}, {@code scimsync.ingress.bulk.*}
 * @param cursorKey the Base64 key (at least 32 bytes) that signs paging cursors, the same on every
 *     replica; empty means a random key per process, so cursors stop working when it restarts
 */
@ConfigurationProperties("scimsync.ingress")
public record IngressProperties(
        @DefaultValue("10s") Duration outcomeTimeout,
        @DefaultValue("5s") Duration brokerTimeout,
        @DefaultValue("30s") Duration retryAfter,
        @DefaultValue("200") int maxResults,
        @DefaultValue("100") int defaultCount,
        @DefaultValue("524288") int maxRequestBytes,
        @DefaultValue("4096") int maxFilterLength,
        String instanceId,
        String publicBaseUrl,
        @DefaultValue Bulk bulk,
        String cursorKey) {

    public IngressProperties {
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = UUID.randomUUID().toString();
        }
    }

    /**
     * Limits of {@code POST /Bulk}, enforced with 413 and advertised in ServiceProviderConfig.
     *
     * @param maxOperations the maximum number of operations in one bulk request
     * @param maxPayloadSize the largest bulk request body in bytes; for {@code /Bulk} it takes the
     *     place of {@code max-request-bytes}, which still bounds the {@code data} of each operation
     */
    public record Bulk(
            @DefaultValue("1000") int maxOperations,
            @DefaultValue("1048576") int maxPayloadSize) {

        public Bulk {
            if (maxOperations < 1 || maxPayloadSize < 1) {
                throw new IllegalArgumentException("scimsync.ingress.bulk.max-operations and"
                        + " max-payload-size must be at least 1, got " + maxOperations + " and "
                        + maxPayloadSize);
            }
        }
    }
}
