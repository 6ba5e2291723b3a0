package io.scimsync.store.tenant;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant as stored in the {@code tenants} collection. {@code nameKey} is the normalised name
 * that the unique index compares, so that "Acme" and "acme" cannot both exist.
 */
@Document(TenantDocument.COLLECTION)
record TenantDocument(@Id String id, String name, String nameKey, Instant createdAt) {

    static final String COLLECTION = "tenants";
    static final String NAME_KEY = "nameKey";

    Tenant toTenant() {
        return new Tenant(id, name, createdAt);
    }
}
