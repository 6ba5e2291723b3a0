package io.scimsync.standalone.embedded;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the embedded broker is running and completes a {@code describeCluster} request within
 * {@link #TIMEOUT}. Keeps one admin client for all checks and closes it with the context.
 */
final class BrokerHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BrokerHealthIndicator.class);

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final EmbeddedKafkaBroker broker;
    private Admin admin;

    BrokerHealthIndicator(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @Override
    public Health health() {
        if (!broker.isRunning()) {
            return Health.down().withDetail("reason", "embedded broker is not running").build();
        }
        try {
            return describeCluster();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.debug("Broker health check on {} failed: {}", broker.bootstrapServers(),
                    e.toString());
            return Health.down().withDetail("bootstrapServers", broker.bootstrapServers())
                    .withDetail("error", e.toString()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("reason", "interrupted").build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(TIMEOUT);
            admin = null;
        }
    }

    private Health describeCluster()
            throws ExecutionException, InterruptedException, TimeoutException {
        DescribeClusterResult result = admin().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        String clusterId = result.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        int nodes = result.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        return Health.up().withDetail("bootstrapServers", broker.bootstrapServers())
                .withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "scimsync-broker-health"));
        }
        return admin;
    }
}
