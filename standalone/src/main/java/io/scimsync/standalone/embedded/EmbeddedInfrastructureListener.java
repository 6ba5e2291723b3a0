package io.scimsync.standalone.embedded;

import io.scimsync.standalone.embedded.StandaloneComponents.Component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.event.ConsumerStartingEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.util.StringUtils;

/**
 * Runs the embedded infrastructure for the lifetime of one {@link SpringApplication} whose
 * sources carry {@link EnableEmbeddedInfrastructure}. It is registered in
 * {@code META-INF/spring.factories}, so {@code SpringApplication.run},
 * {@code SpringApplicationBuilder} and {@code @SpringBootTest} all get it. Spring Boot creates one
 * instance per application, so two applications in one JVM each run their own broker and store.
 *
 * <ol>
 *   <li>Environment prepared: reads {@link StandaloneComponents}, generates or reads the admin
 *       token when the ingress runs and none is configured, starts the broker and the store that
 *       the process runs, and adds a first-precedence property source with
 *       {@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.uri} and, when generated,
 *       {@code scimsync.admin-token}. No client exists yet, so every client sees these values.
 *   <li>Context prepared: registers the broker and the store as singletons and the
 *       infrastructure's close as the first disposable bean. The bean factory destroys disposable
 *       beans in reverse registration order, so the close runs after every other bean is gone:
 *       listener containers, producers and the MongoDB client. It then waits for the Kafka
 *       consumer threads that {@link KafkaConsumerTracker} still counts as running, at most
 *       {@link #CONSUMER_STOP_TIMEOUT}, and closes the store, then the broker. This holds for
 *       {@code context.close()} and for Spring Boot's JVM shutdown hook (SIGTERM).
 *   <li>Ready: logs the SCIM, admin and health addresses.
 *   <li>Failed: closes the infrastructure if it was started. Closing twice is harmless.
 * </ol>
 */
public final class EmbeddedInfrastructureListener implements SmartApplicationListener {

    static final String PROPERTY_SOURCE_NAME = "scimsyncEmbeddedInfrastructure";
    static final String ADMIN_TOKEN = "scimsync.admin-token";

    static final String AUTO_CONFIGURATION_EXCLUDE = "spring.autoconfigure.exclude";

    /**
     * Spring Boot 4.0's MongoDB client auto-configurations. Only the ingress and the processor
     * use a client, and without them the client would probe {@code localhost:27017} and log
     * every failed attempt.
     */
    static final List<String> MONGO_CLIENT_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health"
                    + ".MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health"
                    + ".MongoReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure"
                    + ".DataMongoRepositoriesAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure"
                    + ".DataMongoReactiveRepositoriesAutoConfiguration");

    /** Maximum wait for Kafka consumer threads before the store and broker stop regardless. */
    static final Duration CONSUMER_STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructureListener.class);

    private final KafkaConsumerTracker consumers = new KafkaConsumerTracker();
    private StandaloneComponents components;
    private EmbeddedInfrastructure infrastructure;
    private Path generatedTokenFile;

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationReadyEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType)
                || ConsumerStartingEvent.class.isAssignableFrom(eventType)
                || ConsumerStoppedEvent.class.isAssignableFrom(eventType);
    }

    /** Runs after Spring Boot has loaded the configuration files and initialised logging. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof SpringApplicationEvent applicationEvent
                && isEnabledFor(applicationEvent.getSpringApplication())) {
            onApplicationLifecycle(applicationEvent);
        } else if (infrastructure != null && event instanceof ConsumerStartingEvent starting) {
            consumers.starting(starting);
        } else if (infrastructure != null && event instanceof ConsumerStoppedEvent stopped) {
            consumers.stopped(stopped);
        }
    }

    private void onApplicationLifecycle(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared) {
            handOver(prepared.getApplicationContext());
        } else if (event instanceof ApplicationReadyEvent ready) {
            StartupReport.log(ready.getApplicationContext().getEnvironment(), generatedTokenFile,
                    components);
        } else if (event instanceof ApplicationFailedEvent && infrastructure != null) {
            infrastructure.close();
        }
    }

    private static boolean isEnabledFor(SpringApplication application) {
        return application.getAllSources().stream()
                .anyMatch(source -> source instanceof Class<?> type && AnnotatedElementUtils
                        .hasAnnotation(type, EnableEmbeddedInfrastructure.class));
    }

    private void start(ConfigurableEnvironment environment) {
        components = StandaloneComponents.from(environment);
        StandaloneSettings settings = StandaloneSettings.from(environment);
        requireExternalAddresses(environment, components);
        log.info("Running components {}", components);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (components.runs(Component.INGRESS)
                && !StringUtils.hasText(environment.getProperty(ADMIN_TOKEN))) {
            generatedTokenFile = settings.adminTokenFile();
            properties.put(ADMIN_TOKEN, new AdminTokenFile(generatedTokenFile).readOrCreate());
        }
        if (!components.runsPipeline()) {
            properties.put(AUTO_CONFIGURATION_EXCLUDE, withMongoClientExcluded(environment));
        }
        infrastructure = new EmbeddedInfrastructure(settings, components);
        infrastructure.start();
        properties.putAll(infrastructure.clientProperties());
        environment.getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    /**
     * Requires the broker's and the store's addresses when the ingress or the processor runs
     * without them in this process, because Boot's defaults would point at whatever listens on
     * {@code localhost:9092} and {@code localhost:27017}.
     */
    private static void requireExternalAddresses(Environment environment,
            StandaloneComponents components) {
        if (!components.runsPipeline()) {
            return;
        }
        if (!components.runs(Component.BROKER)) {
            requireProperty(environment, EmbeddedInfrastructure.KAFKA_BOOTSTRAP_SERVERS,
                    Component.BROKER, "the broker's host:port, for example 127.0.0.1:9092");
        }
        if (!components.runs(Component.STORE)) {
            requireProperty(environment, EmbeddedInfrastructure.MONGODB_URI, Component.STORE,
                    "the store's connection string, for example "
                            + "mongodb://127.0.0.1:27017/scimsync");
        }
    }

    /** Returns the configured exclusions with the MongoDB client auto-configurations added. */
    private static String withMongoClientExcluded(Environment environment) {
        List<String> excluded = new ArrayList<>();
        String configured = environment.getProperty(AUTO_CONFIGURATION_EXCLUDE, "");
        if (StringUtils.hasText(configured)) {
            excluded.add(configured);
        }
        excluded.addAll(MONGO_CLIENT_AUTO_CONFIGURATIONS);
        return String.join(",", excluded);
    }

    private static void requireProperty(Environment environment, String name,
            Component absent, String expected) {
        if (!StringUtils.hasText(environment.getProperty(name))) {
            throw new IllegalStateException("Missing " + name + ": " + StandaloneComponents.PROPERTY
                    + " does not list " + absent.propertyName() + ", so set " + name + " to "
                    + expected);
        }
    }

    private void handOver(ConfigurableApplicationContext context) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton("embeddedInfrastructure", infrastructure);
        infrastructure.broker().ifPresent(broker ->
                beanFactory.registerSingleton("embeddedKafkaBroker", broker));
        infrastructure.store().ifPresent(store ->
                beanFactory.registerSingleton("embeddedMongoStore", store));
        ((DefaultSingletonBeanRegistry) beanFactory)
                .registerDisposableBean("embeddedInfrastructure", this::closeAfterConsumers);
    }

    private void closeAfterConsumers() {
        awaitConsumersStopped();
        infrastructure.close();
    }

    private void awaitConsumersStopped() {
        try {
            int running = consumers.awaitStopped(CONSUMER_STOP_TIMEOUT);
            if (running > 0) {
                log.warn("{} Kafka consumer threads still running after {} s; stopping the "
                        + "embedded store and broker anyway", running,
                        CONSUMER_STOP_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting for Kafka consumer threads; stopping the embedded "
                    + "store and broker now");
        }
    }
}
