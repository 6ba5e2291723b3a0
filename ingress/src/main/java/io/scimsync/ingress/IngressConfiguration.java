package io.scimsync.ingress;

import io.scimsync.schemas.discovery.BulkLimits;
import io.scimsync.schemas.discovery.Discovery;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.resource.ResourceValidator;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.scimsync.ingress.scim.RequestGuardFilter;
import io.scimsync.ingress.scim.ScimErrorReportValve;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;

/** The ingress's beans: SCIM and admin controllers, and the Kafka clients of the write path. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngressProperties.class, IngressTopicProperties.class})
@ComponentScan(excludeFilters = {
    @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = IngressApplication.class),
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)
})
public class IngressConfiguration {

    /** Runs before authentication, so that malformed requests never reach a handler. */
    @Bean
    FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(IngressProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestGuardFilter(properties));
        registration.addUrlPatterns("/scim/v2/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /** Replaces Tomcat's HTML error page with SCIM error bodies. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> scimErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ScimErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    ResourceValidator resourceValidator(SchemaRegistry registry) {
        return new ResourceValidator(registry);
    }

    @Bean
    Discovery discovery(SchemaRegistry registry, IngressProperties properties) {
        var bulk = new BulkLimits(properties.bulk().maxOperations(),
                properties.bulk().maxPayloadSize());
        return new Discovery(registry, properties.maxResults(), properties.defaultCount(), bulk);
    }

    /**
     * The replies container: every ingress replica reads all outcomes in a consumer group of its
     * own, from the end of the topic, and keeps those whose correlation id it is waiting for.
     */
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> outcomeContainer(
            KafkaProperties kafka, IngressProperties properties, IngressTopicProperties topics) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "scimsync-ingress-" + properties.instanceId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        var consumers = new DefaultKafkaConsumerFactory<>(
                config, new StringDeserializer(), new ByteArrayDeserializer());
        var container = new ConcurrentMessageListenerContainer<>(
                consumers, new ContainerProperties(topics.outcomes()));
        container.getContainerProperties().setGroupId("scimsync-ingress-" + properties.instanceId());
        return container;
    }

    @Bean
    ReplyingKafkaTemplate<String, byte[], byte[]> changeTemplate(KafkaProperties kafka,
            IngressProperties properties,
            ConcurrentMessageListenerContainer<String, byte[]> outcomeContainer) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        int brokerTimeout = (int) properties.brokerTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, brokerTimeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, brokerTimeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, brokerTimeout + 1);
        var producers = new DefaultKafkaProducerFactory<String, byte[]>(
                config, new StringSerializer(), new ByteArraySerializer());
        var template = new ReplyingKafkaTemplate<>(producers, outcomeContainer);
        template.setSharedReplyTopic(true);
        template.setDefaultReplyTimeout(properties.outcomeTimeout());
        return template;
    }
}
