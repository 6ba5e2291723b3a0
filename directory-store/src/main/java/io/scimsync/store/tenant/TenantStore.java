package io.scimsync.store.tenant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Tenants and their bearer tokens in the {@code tenants} and {@code tenant_tokens} collections.
 *
 * <p>A token secret is stored only as its SHA-256 hash under a unique index, so authentication is
 * one indexed lookup and a leaked database does not leak usable tokens. Nothing is cached: a
 * revoked token, or a token whose tenant was deleted, fails its next authentication on every
 * replica. Every write is a single-document write, as the embedded store requires.
 */
public class TenantStore {

    /** The staleness a token's {@code lastUsedAt} may have, which bounds its writes per token. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final String ID = "_id";

    private static final Logger log = LoggerFactory.getLogger(TenantStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final TokenUseThrottle useThrottle = new TokenUseThrottle(LAST_USED_RESOLUTION);

    public TenantStore(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    TenantStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Creates the indexes: unique on the token hash and on the normalised tenant name, and one on
     * {@code (tenantId, createdAt, _id)} that serves {@link #listTokens} with its sort on a real
     * MongoDB (the embedded store ignores non-unique indexes). Safe to run on every start.
     */
    public void createIndexes() {
        mongo.indexOps(TokenDocument.class).createIndex(
                new Index().on(TokenDocument.SECRET_HASH, Sort.Direction.ASC).unique());
        mongo.indexOps(TokenDocument.class).createIndex(new Index()
                .on(TokenDocument.TENANT_ID, Sort.Direction.ASC)
                .on(TokenDocument.CREATED_AT, Sort.Direction.ASC)
                .on(ID, Sort.Direction.ASC));
        mongo.indexOps(TenantDocument.class).createIndex(
                new Index().on(TenantDocument.NAME_KEY, Sort.Direction.ASC).unique());
        log.info("Tenant and token indexes are in place");
    }

    /**
     * Creates a tenant with a random id.
     *
     * @throws InvalidTenantInputException if the name is blank, longer than 100 characters after
     *     trimming, or contains control characters
     * @throws DuplicateTenantNameException if a tenant of that name exists, ignoring case
     */
    public Tenant createTenant(String name) {
        String trimmed = TenantInputRules.tenantName(name);
        TenantDocument document = new TenantDocument(UUID.randomUUID().toString(), trimmed,
                TenantInputRules.nameKey(trimmed), now());
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw new DuplicateTenantNameException(trimmed, e);
        }
        log.info("Created tenant {}", document.id());
        return document.toTenant();
    }

    public Optional<Tenant> findTenant(String id) {
        return Optional.ofNullable(mongo.findById(id, TenantDocument.class))
                .map(TenantDocument::toTenant);
    }

    /**
     * Issues a new token for a tenant. The returned secret is not stored and cannot be read again.
     *
     * @throws TenantNotFoundException if the tenant does not exist
     * @throws InvalidTenantInputException if the description is longer than 200 characters or
     *     contains control characters
     */
    public IssuedToken issueToken(String tenantId, String description) {
        requireTenant(tenantId);
        String secret = TokenSecrets.generate();
        TokenDocument document = new TokenDocument(UUID.randomUUID().toString(), tenantId,
                TenantInputRules.description(description), TokenSecrets.hash(secret), now(), null);
        mongo.insert(document);
        log.info("Issued token {} for tenant {}", document.id(), tenantId);
        return new IssuedToken(document.toToken(), secret);
    }

    /** Lists a tenant's tokens, oldest first; empty for an unknown tenant. */
    public List<TenantToken> listTokens(String tenantId) {
        Query byTenant = query(where(TokenDocument.TENANT_ID).is(tenantId))
                .with(Sort.by(TokenDocument.CREATED_AT, ID));
        return mongo.find(byTenant, TokenDocument.class).stream()
                .map(TokenDocument::toToken)
                .toList();
    }

    /**
     * Deletes a token so that it fails authentication from now on.
     *
     * @return false if the tenant has no token of that id
     */
    public boolean revokeToken(String tenantId, String tokenId) {
        Query byIds = query(where(ID).is(tokenId).and(TokenDocument.TENANT_ID).is(tenantId));
        boolean deleted = mongo.remove(byIds, TokenDocument.class).getDeletedCount() > 0;
        useThrottle.forget(tokenId);
        if (deleted) {
            log.info("Revoked token {} of tenant {}", tokenId, tenantId);
        }
        return deleted;
    }

    /**
     * Finds the token whose secret was presented. Empty if the value does not have the shape of
     * an issued secret, if no token has its hash, or if the token's tenant no longer exists.
     */
    public Optional<TenantToken> authenticate(String secret) {
        if (!TokenSecrets.isWellFormed(secret)) {
            return Optional.empty();
        }
        Document stored = mongo.getCollection(TokenDocument.COLLECTION)
                .find(Filters.eq(TokenDocument.SECRET_HASH, TokenSecrets.hash(secret)))
                .first();
        return Optional.ofNullable(stored)
                .map(TokenDocument::fromStored)
                .filter(this::tenantExists)
                .map(TokenDocument::toToken);
    }

    /**
     * Records that the token authenticated a request at {@code when}. This process writes
     * {@code lastUsedAt} at most once per {@link #LAST_USED_RESOLUTION} per token, and skips the
     * write when the stored value, which another replica may have written, is that recent.
     * Replicas that read the same stale value may each write once. The write never moves
     * {@code lastUsedAt} backwards.
     */
    public void recordUse(TenantToken token, Instant when) {
        Instant usedAt = when.truncatedTo(ChronoUnit.MILLIS);
        if (isRecent(token.lastUsedAt(), usedAt) || !useThrottle.tryAcquire(token.id(), usedAt)) {
            return;
        }
        mongo.updateFirst(query(where(ID).is(token.id())),
                new Update().max(TokenDocument.LAST_USED_AT, usedAt), TokenDocument.class);
    }

    private void requireTenant(String tenantId) {
        if (!tenantExists(tenantId)) {
            throw new TenantNotFoundException(tenantId);
        }
    }

    private boolean tenantExists(TokenDocument token) {
        boolean exists = tenantExists(token.tenantId());
        if (!exists) {
            log.debug("Token {} belongs to tenant {}, which no longer exists", token.id(),
                    token.tenantId());
        }
        return exists;
    }

    private static boolean isRecent(Instant lastUsedAt, Instant usedAt) {
        return lastUsedAt != null && usedAt.isBefore(lastUsedAt.plus(LAST_USED_RESOLUTION));
    }

    /**
     * Returns whether the tenant exists, read by primary key with a projection of the key alone.
     * Not {@code MongoTemplate.exists}, which counts matches with an aggregation, a heavier
     * command than a lookup, and this runs on every authenticated request.
     */
    private boolean tenantExists(String tenantId) {
        return mongo.getCollection(mongo.getCollectionName(TenantDocument.class))
                .find(Filters.eq(ID, tenantId))
                .projection(new Document(ID, 1))
                .first() != null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
