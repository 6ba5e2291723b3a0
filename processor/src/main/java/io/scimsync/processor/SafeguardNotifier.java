package io.scimsync.processor;

import io.scimsync.store.safeguard.Safeguards;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts a JSON notice to a tenant's notification URL when its changes are held or released and
 * when it is paused: {@code {"tenantId": "...", "event": "held", "detail": "...", "at": "..."}}.
 * Sending is asynchronous and best effort: a failing endpoint is logged and never delays or
 * fails the processing of changes.
 */
@Component
class SafeguardNotifier {

    private static final Logger log = LoggerFactory.getLogger(SafeguardNotifier.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();

    void notify(Safeguards settings, String tenantId, String event, String detail) {
        if (settings.notificationUrl() == null) {
            return;
        }
        ObjectNode notice = mapper.createObjectNode()
                .put("tenantId", tenantId)
                .put("event", event)
                .put("detail", detail)
                .put("at", clock.instant().toString());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.notificationUrl()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(notice)))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        log.warn("Notice '{}' for tenant {} not delivered: {}", event, tenantId,
                                failure.toString());
                    } else if (response.statusCode() >= 300) {
                        log.warn("Notice '{}' for tenant {} answered {}", event, tenantId,
                                response.statusCode());
                    }
                });
    }
}
