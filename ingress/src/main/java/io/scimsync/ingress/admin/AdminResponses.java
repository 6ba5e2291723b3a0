package io.scimsync.ingress.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.scimsync.store.tenant.Tenant;
import io.scimsync.store.tenant.TenantToken;
import java.time.Instant;
import java.util.List;

/** The JSON bodies the admin API sends. None of them carries a token hash. */
public final class AdminResponses {

    private AdminResponses() {
    }

    /** {@code {"id": "...", "name": "acme"}} */
    public record CreatedTenant(String id, String name) {

        static CreatedTenant of(Tenant tenant) {
            return new CreatedTenant(tenant.id(), tenant.name());
        }
    }

    /** {@code {"id": "...", "name": "acme", "createdAt": "2026-01-05T10:00:00Z"}} */
    public record TenantDetails(String id, String name, Instant createdAt) {

        static TenantDetails of(Tenant tenant) {
            return new TenantDetails(tenant.id(), tenant.name(), tenant.createdAt());
        }
    }

    /** {@code {"id": "...", "token": "scim_..."}}: the only response that carries a secret. */
    public record IssuedSecret(String id, String token) {
    }

    /** {@code {"tokens": [...]}} */
    public record TokenList(List<TokenSummary> tokens) {
    }

    /** A token without its secret or hash; null fields are sent as JSON null. */
    public record TokenSummary(String id, String description, Instant createdAt,
            Instant lastUsedAt) {

        static TokenSummary of(TenantToken token) {
            return new TokenSummary(token.id(), token.description(), token.createdAt(),
                    token.lastUsedAt());
        }
    }

    /**
     * {@code {"error": "...", "field": "name"}}. {@code field} is sent only for invalid input,
     * {@code correlationId} only for internal errors.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdminError(String error, String field, String correlationId) {

        static AdminError of(String error) {
            return new AdminError(error, null, null);
        }

        static AdminError ofField(String error, String field) {
            return new AdminError(error, field, null);
        }
    }
}
