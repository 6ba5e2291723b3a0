package io.scimsync.store.resource;

import static io.scimsync.store.resource.Collections.GROUP_ID;
import static io.scimsync.store.resource.Collections.MEMBERSHIPS;
import static io.scimsync.store.resource.Collections.MEMBER_ID;
import static io.scimsync.store.resource.Collections.RESOURCE_ID;
import static io.scimsync.store.resource.Collections.SEARCH;
import static io.scimsync.store.resource.Collections.TENANT;
import static io.scimsync.store.resource.Collections.UNIQUE_KEY;
import static io.scimsync.store.resource.Collections.UNIQUE_KEY_INDEX;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.scimsync.schemas.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Declares the indexes of the directory collections when the application starts. The unique
 * index on {@code (tenantId, uniqueKey)} enforces the uniqueness of user names and group display
 * names; the others serve the queries Entra makes on a real MongoDB (the embedded store honours
 * only unique ones, so the lookups Entra makes on every request use unique keys).
 */
@Component
public class StoreIndexes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    private final MongoDatabase database;

    public StoreIndexes(MongoTemplate mongoTemplate) {
        this.database = mongoTemplate.getDb();
    }

    @Override
    public void afterPropertiesSet() {
        for (ResourceType type : ResourceType.values()) {
            var collection = database.getCollection(Collections.of(type));
            collection.createIndex(Indexes.ascending(TENANT, UNIQUE_KEY),
                    new IndexOptions().unique(true).name(UNIQUE_KEY_INDEX));
            collection.createIndex(Indexes.ascending(TENANT, RESOURCE_ID));
            collection.createIndex(Indexes.ascending(TENANT, "attributes.externalId"));
        }
        database.getCollection(Collections.USERS)
                .createIndex(Indexes.ascending(TENANT, SEARCH + ".emails.value"));
        database.getCollection(MEMBERSHIPS).createIndex(Indexes.ascending(TENANT, GROUP_ID));
        database.getCollection(MEMBERSHIPS).createIndex(Indexes.ascending(TENANT, MEMBER_ID));
        log.info("Directory indexes are in place");
    }
}
