package io.scimsync.store;

import io.scimsync.schemas.model.SchemaRegistry;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** The directory store's beans: resource and tenant repositories, indexes, filter translation. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(
        type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class DirectoryStoreConfiguration {

    @Bean
    SchemaRegistry schemaRegistry() {
        return SchemaRegistry.standard();
    }
}
