package io.scimsync.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The tenant store against mongo-java-server through the real MongoDB driver. */
class TenantStoreIT {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static MongoServer server;
    private static MongoClient client;

    private MongoTemplate mongo;
    private TenantStore store;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void createStore() {
        client.getDatabase("tenants-it").drop();
        mongo = new MongoTemplate(client, "tenants-it");
        store = new TenantStore(mongo);
        store.createIndexes();
    }

    @Test
    void createdTenantIsFoundById() {
        Tenant created = store.createTenant("  Acme Corp ");

        assertThat(created.name()).isEqualTo("Acme Corp");
        assertThat(created.id()).matches("[0-9a-f-]{36}");
        assertThat(store.findTenant(created.id())).contains(created);
    }

    @Test
    void unknownTenantIsEmpty() {
        assertThat(store.findTenant("no-such-tenant")).isEmpty();
    }

    @Test
    void duplicateTenantNameIsRejectedIgnoringCase() {
        store.createTenant("Acme");

        assertThatThrownBy(() -> store.createTenant(" ACME "))
                .isInstanceOf(DuplicateTenantNameException.class)
                .hasMessageContaining("\"ACME\" is already taken");
        assertThat(mongo.getCollection("tenants").countDocuments()).isEqualTo(1);
    }

    @Test
    void unicodeFormsOfNameCollide() {
        store.createTenant("Caf\u00e9");

        assertThatThrownBy(() -> store.createTenant("cafe\u0301"))
                .isInstanceOf(DuplicateTenantNameException.class);
    }

    @Test
    void blankTenantNameIsRejected() {
        for (String name : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> store.createTenant(name))
                    .isInstanceOf(InvalidTenantInputException.class)
                    .hasMessage("name is required and must not be blank");
        }
    }

    @Test
    void tenantNameLengthLimitIsHundredCharacters() {
        assertThat(store.createTenant("a".repeat(100)).name()).hasSize(100);

        assertThatThrownBy(() -> store.createTenant("b".repeat(101)))
                .isInstanceOf(InvalidTenantInputException.class)
                .hasMessage("name must be at most 100 characters, got 101");
    }

    @Test
    void tenantNameWithLineBreakIsRejected() {
        assertThatThrownBy(() -> store.createTenant("acme\nevil"))
                .isInstanceOf(InvalidTenantInputException.class)
                .extracting(e -> ((InvalidTenantInputException) e).field())
                .isEqualTo("name");
    }

    @Test
    void issuedTokenAuthenticatesItsTenant() {
        Tenant tenant = store.createTenant("acme");
        IssuedToken issued = store.issueToken(tenant.id(), "Entra");

        Optional<TenantToken> authenticated = store.authenticate(issued.secret());

        assertThat(authenticated).contains(issued.token());
        assertThat(authenticated.get().tenantId()).isEqualTo(tenant.id());
        assertThat(issued.token().description()).isEqualTo("Entra");
    }

    @Test
    void secretIsStoredOnlyAsHash() {
        Tenant tenant = store.createTenant("acme");
        IssuedToken issued = store.issueToken(tenant.id(), null);

        Document stored = mongo.getCollection("tenant_tokens").find().first();

        assertThat(issued.secret()).startsWith("scim_").hasSize(48);
        assertThat(stored.toJson()).doesNotContain(issued.secret().substring(5));
        assertThat(stored.getString("secretHash")).isEqualTo(TokenSecrets.hash(issued.secret()));
        assertThat(issued.toString()).doesNotContain(issued.secret());
    }

    @Test
    void tokenForUnknownTenantIsNotIssued() {
        assertThatThrownBy(() -> store.issueToken("no-such-tenant", null))
                .isInstanceOf(TenantNotFoundException.class)
                .hasMessage("tenant no-such-tenant not found");
        assertThat(mongo.getCollection("tenant_tokens").countDocuments()).isZero();
    }

    @Test
    void overlongDescriptionIsRejected() {
        Tenant tenant = store.createTenant("acme");

        assertThat(store.issueToken(tenant.id(), "d".repeat(200)).token().description())
                .hasSize(200);
        assertThatThrownBy(() -> store.issueToken(tenant.id(), "d".repeat(201)))
                .isInstanceOf(InvalidTenantInputException.class)
                .hasMessage("description must be at most 200 characters, got 201");
    }

    @Test
    void blankDescriptionIsStoredAsAbsent() {
        Tenant tenant = store.createTenant("acme");

        assertThat(store.issueToken(tenant.id(), "  ").token().description()).isNull();
    }

    @Test
    void unknownOrMalformedSecretDoesNotAuthenticate() {
        Tenant tenant = store.createTenant("acme");
        store.issueToken(tenant.id(), null);

        assertThat(store.authenticate(TokenSecrets.generate())).isEmpty();
        assertThat(store.authenticate("not-a-token")).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
    }

    @Test
    void revokedTokenNoLongerAuthenticates() {
        Tenant tenant = store.createTenant("acme");
        IssuedToken issued = store.issueToken(tenant.id(), null);
        IssuedToken other = store.issueToken(tenant.id(), null);

        assertThat(store.revokeToken(tenant.id(), issued.token().id())).isTrue();

        assertThat(store.authenticate(issued.secret())).isEmpty();
        assertThat(store.authenticate(other.secret())).isPresent();
        assertThat(store.revokeToken(tenant.id(), issued.token().id())).isFalse();
    }

    @Test
    void tokenOfAnotherTenantIsNotRevoked() {
        Tenant acme = store.createTenant("acme");
        Tenant globex = store.createTenant("globex");
        IssuedToken issued = store.issueToken(acme.id(), null);

        assertThat(store.revokeToken(globex.id(), issued.token().id())).isFalse();
        assertThat(store.authenticate(issued.secret())).isPresent();
    }

    @Test
    void tokenOfDeletedTenantDoesNotAuthenticate() {
        Tenant tenant = store.createTenant("acme");
        IssuedToken issued = store.issueToken(tenant.id(), null);

        mongo.getCollection("tenants").deleteOne(new Document("_id", tenant.id()));

        assertThat(store.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void listedTokensBelongToTheTenantOldestFirst() {
        Tenant acme = store.createTenant("acme");
        Tenant globex = store.createTenant("globex");
        IssuedToken first = store.issueToken(acme.id(), "first");
        IssuedToken second = store.issueToken(acme.id(), "second");
        store.issueToken(globex.id(), "other tenant");

        List<TenantToken> tokens = store.listTokens(acme.id());

        assertThat(tokens).extracting(TenantToken::description).containsExactly("first", "second");
        assertThat(tokens).containsExactly(first.token(), second.token());
        assertThat(store.listTokens("no-such-tenant")).isEmpty();
    }

    @Test
    void lastUseWrittenOncePerMinute() {
        IssuedToken issued = store.issueToken(store.createTenant("acme").id(), null);

        store.recordUse(authenticate(issued), T0);
        store.recordUse(authenticate(issued), T0.plusSeconds(59));
        assertThat(authenticate(issued).lastUsedAt()).isEqualTo(T0);

        store.recordUse(authenticate(issued), T0.plusSeconds(60));
        assertThat(authenticate(issued).lastUsedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void otherReplicaSkipsRecentLastUse() {
        IssuedToken issued = store.issueToken(store.createTenant("acme").id(), null);
        TenantStore otherReplica = new TenantStore(mongo);

        store.recordUse(authenticate(issued), T0);
        otherReplica.recordUse(authenticate(issued), T0.plusSeconds(30));

        assertThat(authenticate(issued).lastUsedAt()).isEqualTo(T0);
    }

    @Test
    void lastUseNeverMovesBackwards() {
        IssuedToken issued = store.issueToken(store.createTenant("acme").id(), null);
        TenantToken staleRead = authenticate(issued);
        TenantStore otherReplica = new TenantStore(mongo);

        store.recordUse(staleRead, T0.plus(Duration.ofMinutes(5)));
        otherReplica.recordUse(staleRead, T0);

        assertThat(authenticate(issued).lastUsedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void lastUseIsStoredWithMillisecondPrecision() {
        IssuedToken issued = store.issueToken(store.createTenant("acme").id(), null);

        store.recordUse(issued.token(), T0.plusNanos(1_234_567));

        assertThat(authenticate(issued).lastUsedAt())
                .isEqualTo(T0.plusNanos(1_234_567).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void indexesAreUniqueOnHashAndNameKey() {
        store.createIndexes();

        assertThat(uniqueIndexKeys("tenant_tokens")).containsExactly("secretHash");
        assertThat(uniqueIndexKeys("tenants")).containsExactly("nameKey");
    }

    private TenantToken authenticate(IssuedToken issued) {
        return store.authenticate(issued.secret()).orElseThrow();
    }

    private List<String> uniqueIndexKeys(String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream()
                .filter(IndexInfo::isUnique)
                .map(index -> index.getIndexFields().get(0).getKey())
                .toList();
    }
}
