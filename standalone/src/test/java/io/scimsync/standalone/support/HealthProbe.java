package io.scimsync.standalone.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls {@code GET /actuator/health} of a standalone process until it returns 200 with
 * {@code "status":"UP"}, which the process reports once broker, store and processor are ready.
 */
final class HealthProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();
    private final URI healthUri;
    private final AtomicReference<String> lastResponse = new AtomicReference<>("no response yet");

    HealthProbe(String baseUrl) {
        this.healthUri = URI.create(baseUrl + "/actuator/health");
    }

    /**
     * Waits until the process reports UP.
     *
     * @param timeout the maximum wait
     * @param processExited checked at each poll; when it returns true, the wait stops at once
     * @throws IllegalStateException when the timeout passes or the process exits first, with the
     *     last health response in the message
     */
    void awaitUp(Duration timeout, Callable<Boolean> processExited) {
        try {
            await("health of " + healthUri)
                    .atMost(timeout)
                    .pollInterval(POLL_INTERVAL)
                    .failFast("the standalone process exited", processExited)
                    .until(this::isUp);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(healthUri + " did not report UP within " + timeout
                    + "; last response: " + lastResponse.get(), e);
        } catch (TerminalFailureException e) {
            throw new IllegalStateException("The standalone process exited before " + healthUri
                    + " reported UP; last response: " + lastResponse.get(), e);
        }
    }

    private boolean isUp() {
        HttpRequest request = HttpRequest.newBuilder(healthUri).timeout(REQUEST_TIMEOUT).GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            lastResponse.set(response.statusCode() + " " + response.body());
            return response.statusCode() == 200
                    && "UP".equals(JSON.readTree(response.body()).path("status").asString());
        } catch (IOException | JacksonException e) {
            lastResponse.set(e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
