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

    TenantToken toToken() {
        return new TenantToken(id, tenantId, description, secretHash, createdAt, lastUsedAt);
    }
}
