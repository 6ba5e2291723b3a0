package io.scimsync.standalone.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 *   <li>Environment prepared: generates or reads the admin token when none is configured, starts
 *       the broker and the store, and adds a first-precedence property source with
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

    /** Maximum wait for Kafka consumer threads before the store and broker stop regardless. */
    static final Duration CONSUMER_STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructureListener.class);

    private final KafkaConsumerTracker consumers = new KafkaConsumerTracker();
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
            StartupReport.log(ready.getApplicationContext().getEnvironment(), generatedTokenFile);
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
        StandaloneSettings settings = StandaloneSettings.from(environment);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!StringUtils.hasText(environment.getProperty(ADMIN_TOKEN))) {
            generatedTokenFile = settings.adminTokenFile();
            properties.put(ADMIN_TOKEN, new AdminTokenFile(generatedTokenFile).readOrCreate());
        }
        infrastructure = new EmbeddedInfrastructure(settings);
        infrastructure.start();
        properties.putAll(infrastructure.clientProperties());
        environment.getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    private void handOver(ConfigurableApplicationContext context) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton("embeddedInfrastructure", infrastructure);
        beanFactory.registerSingleton("embeddedKafkaBroker", infrastructure.broker());
        beanFactory.registerSingleton("embeddedMongoStore", infrastructure.store());
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
