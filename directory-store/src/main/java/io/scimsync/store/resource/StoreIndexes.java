package io.scimsync.store.resource;

import static io.scimsync.store.resource.Collections.GROUPS;
import static io.scimsync.store.resource.Collections.GROUP_ID;
import static io.scimsync.store.resource.Collections.ID;
import static io.scimsync.store.resource.Collections.MEMBERSHIPS;
import static io.scimsync.store.resource.Collections.MEMBER_ID;
import static io.scimsync.store.resource.Collections.RESOURCE_ID;
import static io.scimsync.store.resource.Collections.SEARCH;
import static io.scimsync.store.resource.Collections.TENANT;
import static io.scimsync.store.resource.Collections.UNIQUE_KEY;
import static io.scimsync.store.resource.Collections.UNIQUE_KEY_INDEX;
import static io.scimsync.store.resource.Collections.USERS;
import static io.scimsync.store.resource.Collections.VERSION;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Declares the indexes of the directory collections when the application starts. The unique
 * index on {@code (tenantId, uniqueKey)} enforces the uniqueness of user names and group display
 * names, and serves {@code userName eq} and {@code displayName eq}. The others serve the other
 * queries of the filter translator on a real MongoDB: {@code eq} and {@code sw} on
 * {@code externalId}, {@code userName}, {@code displayName} and {@code emails.value}, lookups by
 * id (also {@code members.value eq}, which becomes a list of group ids), and cursor pages, which
 * are ranges on {@code (sort field, resourceId)}. The embedded store honours only unique indexes,
 * so on it only the lookups by unique key and by {@code _id} avoid a collection scan.
 */
@Component
public class StoreIndexes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    private static final List<IndexDeclaration> DECLARED = declare();

    private final MongoDatabase database;

    public StoreIndexes(MongoTemplate mongoTemplate) {
        this.database = mongoTemplate.getDb();
    }

    /** Returns the indexes this class creates, for tests and tools that check queries. */
    public static List<IndexDeclaration> declared() {
        return DECLARED;
    }

    @Override
    public void afterPropertiesSet() {
        for (IndexDeclaration index : DECLARED) {
            IndexOptions options = new IndexOptions().unique(index.unique());
            if (index.name() != null) {
                options.name(index.name());
            }
            database.getCollection(index.collection()).createIndex(index.keys(), options);
        }
        log.info("Directory indexes are in place");
    }

    /** Name of the unique index on {@code (_id, version)}. */
    static final String CONDITIONAL_WRITE_INDEX = "id_version";

    private static List<IndexDeclaration> declare() {
        List<IndexDeclaration> indexes = new ArrayList<>();
        for (String collection : List.of(USERS, GROUPS)) {
            indexes.add(new IndexDeclaration(collection, keys(TENANT, UNIQUE_KEY), true,
                    UNIQUE_KEY_INDEX));
            indexes.add(index(collection, TENANT, RESOURCE_ID));
            indexes.add(index(collection, TENANT, "attributes.externalId", RESOURCE_ID));
            // Serves the version-conditional update on the embedded store, which uses its _id
            // index only for a filter on _id alone and would scan the collection otherwise.
            indexes.add(new IndexDeclaration(collection, keys(ID, VERSION), true,
                    CONDITIONAL_WRITE_INDEX));
        }
        indexes.add(index(USERS, TENANT, SEARCH + ".userName", RESOURCE_ID));
        indexes.add(index(USERS, TENANT, SEARCH + ".emails.value"));
        indexes.add(index(GROUPS, TENANT, SEARCH + ".displayName", RESOURCE_ID));
        indexes.add(index(MEMBERSHIPS, TENANT, GROUP_ID));
        indexes.add(index(MEMBERSHIPS, TENANT, MEMBER_ID));
        return List.copyOf(indexes);
    }

    private static IndexDeclaration index(String collection, String... fields) {
        return new IndexDeclaration(collection, keys(fields), false, null);
    }

    private static Document keys(String... fields) {
        Document keys = new Document();
        for (String field : fields) {
            keys.append(field, 1);
        }
        return keys;
    }
}
