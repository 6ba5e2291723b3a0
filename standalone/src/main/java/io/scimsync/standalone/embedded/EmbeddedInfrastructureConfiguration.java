package io.scimsync.standalone.embedded;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import io.scimsync.standalone.embedded.StandaloneComponents.Component;
import io.scimsync.store.StoreDurability;

import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports the beans built on the embedded broker and store, which
 * {@link EmbeddedInfrastructureListener} registers as singletons before the context refreshes,
 * for the components that {@link StandaloneComponents} lists. The imported classes carry no
 * {@code @Configuration}, so that a component scan of this package does not add them regardless.
 */
final class EmbeddedInfrastructureConfiguration implements ImportSelector, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String[] selectImports(AnnotationMetadata importingClassMetadata) {
        StandaloneComponents components = StandaloneComponents.from(environment);
        List<String> imports = new ArrayList<>();
        if (components.runs(Component.BROKER)) {
            imports.add(BrokerBeans.class.getName());
        }
        if (components.runs(Component.STORE)) {
            imports.add(StoreBeans.class.getName());
        }
        if (components.runs(Component.PROCESSOR)) {
            imports.add(components.runs(Component.STORE)
                    ? InProcessDurabilityBeans.class.getName()
                    : RemoteDurabilityBeans.class.getName());
        }
        return imports.toArray(String[]::new);
    }

    static class BrokerBeans {

        /** Health contributor {@code broker}. */
        @Bean
        BrokerHealthIndicator brokerHealthIndicator(EmbeddedKafkaBroker broker) {
            return new BrokerHealthIndicator(broker);
        }
    }

    static class StoreBeans {

        /** Health contributor {@code store}. */
        @Bean
        StoreHealthIndicator storeHealthIndicator(EmbeddedMongoStore store) {
            return new StoreHealthIndicator(store);
        }
    }

    static class InProcessDurabilityBeans {

        /** Makes the processor commit the store file before it commits its Kafka offsets. */
        @Bean
        StoreDurability embeddedStoreDurability(EmbeddedMongoStore store) {
            return new EmbeddedStoreDurability(store);
        }
    }

    static class RemoteDurabilityBeans {

        /**
         * Makes the processor ask the store in another process to commit its file before the
         * processor commits its Kafka offsets.
         */
        @Bean
        StoreDurability fsyncStoreDurability(MongoClient client) {
            return new FsyncStoreDurability(client);
        }
    }
}
