package io.scimsync.standalone.embedded;

import io.scimsync.store.StoreDurability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans built on the embedded broker and store, which {@link EmbeddedInfrastructureListener}
 * registers as singletons before the context refreshes.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedInfrastructureConfiguration {

    /** Makes the processor commit the store file before it commits its Kafka offsets. */
    @Bean
    StoreDurability embeddedStoreDurability(EmbeddedMongoStore store) {
        return new EmbeddedStoreDurability(store);
    }

    /** Health contributor {@code broker}. */
    @Bean
    BrokerHealthIndicator brokerHealthIndicator(EmbeddedKafkaBroker broker) {
        return new BrokerHealthIndicator(broker);
    }

    /** Health contributor {@code store}. */
    @Bean
    StoreHealthIndicator storeHealthIndicator(EmbeddedMongoStore store) {
        return new StoreHealthIndicator(store);
    }
}
