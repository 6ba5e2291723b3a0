package io.scimsync.store;

import io.scimsync.schemas.model.SchemaRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The directory store's beans: resource and tenant repositories, indexes, filter translation. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class DirectoryStoreConfiguration {

    @Bean
    SchemaRegistry schemaRegistry() {
        return SchemaRegistry.standard();
    }
}
