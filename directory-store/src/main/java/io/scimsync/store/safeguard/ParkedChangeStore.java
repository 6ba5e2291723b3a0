package io.scimsync.store.safeguard;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Changes set aside by the processor (held, quarantined, waiting) in the
 * {@code parked_changes} collection, keyed by change id. Parking a change twice (a redelivered
 * record) keeps the first copy. The set is empty or small in normal operation; the indexes
 * declared here serve its queries on a real MongoDB.
 */
@Component
public class ParkedChangeStore implements InitializingBean {

    static final String COLLECTION = "parked_changes";

    private static final String ID = "_id";
    private static final String TENANT = "tenantId";
    private static final String RESOURCE_TYPE = "resourceType";
    private static final String RESOURCE_ID = "resourceId";
    private static final String RESOURCE_KEY = "resourceKey";
    private static final String OPERATION = "operation";
    private static final String STATE = "state";
    private static final String REASON = "reason";
    private static final String PARTITION = "partition";
    private static final String OFFSET = "offset";
    private static final String PARKED_AT = "parkedAt";
    private static final String CHANGE = "change";
    private static final String PROCESSED_PARTITION = "processedPartition";
    private static final String PROCESSED_OFFSET = "processedOffset";
    private static final Bson NOT_RELEASED = Filters.ne(STATE, ParkState.RELEASED.name());

    private final MongoCollection<Document> collection;

    public ParkedChangeStore(MongoTemplate mongo) {
        this.collection = mongo.getDb().getCollection(COLLECTION);
    }

    /** Declares the indexes a real MongoDB needs; the embedded store ignores them. */
    @Override
    public void afterPropertiesSet() {
        collection.createIndex(Indexes.ascending(TENANT, STATE, PARKED_AT));
        collection.createIndex(Indexes.ascending(TENANT, RESOURCE_KEY, OFFSET));
        collection.createIndex(Indexes.ascending(PARTITION, RESOURCE_KEY));
    }

    /** Sets a change aside; returns false when it was set aside already. */
    public boolean park(ParkedChange parked) {
        try {
            collection.insertOne(toDocument(parked));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<ParkedChange> find(String changeId) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, changeId)).first())
                .map(ParkedChangeStore::toParked);
    }

    /** Returns a change of the tenant in {@code state}, or empty when there is none of that id. */
    public Optional<ParkedChange> find(String tenantId, String changeId, ParkState state) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq(ID, changeId),
                Filters.eq(TENANT, tenantId), Filters.eq(STATE, state.name()))).first())
                .map(ParkedChangeStore::toParked);
    }

    /** Returns the set-aside changes of one resource, in record order. */
    public List<ParkedChange> ofResource(String tenantId, String resourceKey) {
        List<ParkedChange> found = new ArrayList<>();
        collection.find(Filters.and(Filters.eq(TENANT, tenantId), Filters.eq(RESOURCE_KEY, resourceKey),
                        NOT_RELEASED))
                .sort(Sorts.ascending(OFFSET))
                .forEach(document -> found.add(toParked(document)));
        return found;
    }

    /**
     * Returns the keys of the resources with set-aside changes whose records are on {@code
     * partition}.
     */
    public Set<String> resourceKeysOn(int partition) {
        Set<String> keys = new LinkedHashSet<>();
        collection.find(Filters.and(Filters.eq(PARTITION, partition), NOT_RELEASED))
                .projection(Projections.include(RESOURCE_KEY))
                .forEach(document -> keys.add(document.getString(RESOURCE_KEY)));
        return keys;
    }

    /** Returns the keys of the tenant's resources with waiting changes on {@code partition}. */
    public Set<String> waitingResourceKeys(String tenantId, int partition) {
        Set<String> keys = new LinkedHashSet<>();
        collection.find(Filters.and(Filters.eq(TENANT, tenantId), Filters.eq(PARTITION, partition),
                        Filters.eq(STATE, ParkState.WAITING.name())))
                .sort(Sorts.ascending(OFFSET))
                .projection(Projections.include(RESOURCE_KEY))
                .forEach(document -> keys.add(document.getString(RESOURCE_KEY)));
        return keys;
    }

    /**
     * Returns the tenant's changes in {@code state}, oldest first (then in record order), without
     * their record values.
     */
    public List<ParkedChange> list(String tenantId, ParkState state, int skip, int limit) {
        List<ParkedChange> found = new ArrayList<>();
        collection.find(byState(tenantId, state))
                .projection(Projections.exclude(CHANGE))
                .sort(Sorts.ascending(PARKED_AT, PARTITION, OFFSET))
                .skip(skip)
                .limit(limit)
                .forEach(document -> found.add(toParked(document)));
        return found;
    }

    public long count(String tenantId, ParkState state) {
        return collection.countDocuments(byState(tenantId, state));
    }

    public void setState(String changeId, ParkState state, String reason) {
        collection.updateOne(Filters.eq(ID, changeId),
                Updates.combine(Updates.set(STATE, state.name()), Updates.set(REASON, reason)));
    }

    /**
     * Marks a change applied while the record at {@code processedAt} (an operator command) was
     * processed; {@link #releasedBy} finds it for a retry of that record.
     */
    public void markReleased(String changeId, int processedPartition, long processedOffset) {
        collection.updateOne(Filters.eq(ID, changeId), Updates.combine(
                Updates.set(STATE, ParkState.RELEASED.name()),
                Updates.set(PROCESSED_PARTITION, processedPartition),
                Updates.set(PROCESSED_OFFSET, processedOffset)));
    }

    /**
     * Returns the changes applied while the record at this position was processed, in record order.
     */
    public List<ParkedChange> releasedBy(int processedPartition, long processedOffset) {
        List<ParkedChange> found = new ArrayList<>();
        collection.find(Filters.and(Filters.eq(STATE, ParkState.RELEASED.name()),
                        Filters.eq(PROCESSED_PARTITION, processedPartition),
                        Filters.eq(PROCESSED_OFFSET, processedOffset)))
                .sort(Sorts.ascending(RESOURCE_KEY, OFFSET))
                .forEach(document -> found.add(toParked(document)));
        return found;
    }

    /** Forgets released changes whose command records before {@code offset} are committed. */
    public void purgeReleased(int processedPartition, long offset) {
        collection.deleteMany(Filters.and(Filters.eq(STATE, ParkState.RELEASED.name()),
                Filters.eq(PROCESSED_PARTITION, processedPartition),
                Filters.lt(PROCESSED_OFFSET, offset)));
    }

    public void remove(String changeId) {
        collection.deleteOne(Filters.eq(ID, changeId));
    }

    private static Bson byState(String tenantId, ParkState state) {
        return Filters.and(Filters.eq(TENANT, tenantId), Filters.eq(STATE, state.name()));
    }

    private static Document toDocument(ParkedChange parked) {
        return new Document(ID, parked.changeId())
                .append(TENANT, parked.tenantId())
                .append(RESOURCE_TYPE, parked.resourceType().name())
                .append(RESOURCE_ID, parked.resourceId())
                .append(RESOURCE_KEY, parked.resourceKey())
                .append(OPERATION, parked.operation().name())
                .append(STATE, parked.state().name())
                .append(REASON, parked.reason())
                .append(PARTITION, parked.partition())
                .append(OFFSET, parked.offset())
                .append(PARKED_AT, Date.from(parked.parkedAt()))
                .append(CHANGE, new Binary(parked.change()));
    }

    private static ParkedChange toParked(Document document) {
        Binary change = document.get(CHANGE, Binary.class);
        return new ParkedChange(
                document.getString(ID),
                document.getString(TENANT),
                ResourceType.valueOf(document.getString(RESOURCE_TYPE)),
                document.getString(RESOURCE_ID),
                document.getString(RESOURCE_KEY),
                Operation.valueOf(document.getString(OPERATION)),
                ParkState.valueOf(document.getString(STATE)),
                document.getString(REASON),
                document.getInteger(PARTITION),
                ((Number) document.get(OFFSET)).longValue(),
                document.getDate(PARKED_AT).toInstant(),
                change == null ? null : change.getData());
    }
}
