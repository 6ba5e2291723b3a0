package io.scimsync.store.tenant;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant token as stored in the {@code tenant_tokens} collection. */
@Document(TokenDocument.COLLECTION)
record TokenDocument(
        @Id String id,
        String tenantId,
        String description,
        String secretHash,
        Instant createdAt,
        Instant lastUsedAt) {

    static final String COLLECTION = "tenant_tokens";
    static final String TENANT_ID = "tenantId";
    static final String SECRET_HASH = "secretHash";
    static final String CREATED_AT = "createdAt";
    static final String LAST_USED_AT = "lastUsedAt";
    static final String DESCRIPTION = "description";

    /**
     * Reads a token from its stored document without Spring Data's mapping, which costs more
     * than the lookup itself on a path that every request takes. The fields are as Spring Data
     * writes them: the id in {@code _id}, instants as dates.
     */
    static TokenDocument fromStored(org.bson.Document stored) {
        return new TokenDocument(stored.getString("_id"), stored.getString(TENANT_ID),
                stored.getString(DESCRIPTION), stored.getString(SECRET_HASH),
                instant(stored.getDate(CREATED_AT)), instant(stored.getDate(LAST_USED_AT)));
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    TenantToken toToken() {
        return new TenantToken(id, tenantId, description, secretHash, createdAt, lastUsedAt);
    }
}
