package io.scimsync.store.tenant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Registers the {@link TenantStore} and creates its indexes when the context starts. */
@Configuration(proxyBeanMethods = false)
public class TenantStoreConfiguration {

    @Bean(initMethod = "createIndexes")
    TenantStore tenantStore(MongoTemplate mongoTemplate) {
        return new TenantStore(mongoTemplate);
    }
}
