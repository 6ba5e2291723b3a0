package io.scimsync.store.safeguard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-tenant safeguard settings and state in the {@code tenant_safeguards} collection, one
 * document per tenant: the settings the ops API writes, whether the tenant is paused or holding
 * disables and deletes, the count of applied changes, and the disables and deletes of the
 * current window in one-minute buckets. A tenant without a document has the defaults. Every write
 * is a single-document update, so processors on several partitions count one tenant's deletions
 * together.
 */
@Component
public class SafeguardStore {

    static final String COLLECTION = "tenant_safeguards";

    private static final String ID = "_id";
    private static final String SETTINGS = "settings";
    private static final String PAUSED = "paused";
    private static final String PAUSED_REASON = "pausedReason";
    private static final String PAUSED_AT = "pausedAt";
    private static final String HOLDING = "holding";
    private static final String APPLIED = "applied";
    private static final String DELETIONS = "deletions";

    private final MongoCollection<Document> collection;

    public SafeguardStore(MongoTemplate mongo) {
        this.collection = mongo.getDb().getCollection(COLLECTION);
    }

    public TenantControl control(String tenantId) {
        Document document = collection.find(Filters.eq(ID, tenantId)).first();
        return document == null ? TenantControl.defaults(tenantId) : toControl(tenantId, document);
    }

    /**
     * Returns the control of each tenant, in one query; tenants without a document get the
     * defaults.
     */
    public Map<String, TenantControl> controls(Collection<String> tenantIds) {
        Map<String, TenantControl> controls = new HashMap<>();
        for (Document document : collection.find(Filters.in(ID, List.copyOf(tenantIds)))) {
            String id = document.getString(ID);
            controls.put(id, toControl(id, document));
        }
        for (String tenantId : tenantIds) {
            controls.computeIfAbsent(tenantId, TenantControl::defaults);
        }
        return controls;
    }

    public void putSafeguards(String tenantId, Safeguards safeguards) {
        upsert(tenantId, Updates.set(SETTINGS, SafeguardDocuments.toDocument(safeguards)));
    }

    /** Pauses the tenant; {@code reason} names counts and rules, never personal data. */
    public void pause(String tenantId, String reason, Instant at) {
        upsert(tenantId, Updates.combine(Updates.set(PAUSED, true),
                Updates.set(PAUSED_REASON, reason), Updates.set(PAUSED_AT, Date.from(at))));
    }

    /** Resumes the tenant; returns whether it was paused. */
    public boolean resume(String tenantId) {
        Document before = collection.findOneAndUpdate(Filters.eq(ID, tenantId),
                Updates.combine(Updates.set(PAUSED, false), Updates.unset(PAUSED_REASON),
                        Updates.unset(PAUSED_AT)));
        return before != null && before.getBoolean(PAUSED, false);
    }

    /** Returns the reason the tenant was paused, or null when it runs. */
    public String pausedReason(String tenantId) {
        Document document = collection.find(Filters.eq(ID, tenantId)).first();
        return document == null || !document.getBoolean(PAUSED, false)
                ? null : document.getString(PAUSED_REASON);
    }

    public void setHolding(String tenantId, boolean holding) {
        upsert(tenantId, Updates.set(HOLDING, holding));
    }

    /**
     * Counts one disable or delete at {@code at} and returns how many the window ending at
     * {@code at} now holds, this one included. Buckets are whole minutes, so the window is
     * between {@code window} and one minute more.
     */
    public long countDeletion(String tenantId, Instant at, Duration window) {
        long minute = at.getEpochSecond() / 60;
        Document after = collection.findOneAndUpdate(Filters.eq(ID, tenantId),
                Updates.inc(DELETIONS + "." + minute, 1),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        Document buckets = after == null ? new Document() : after.get(DELETIONS, new Document());
        long first = minute - window.toMinutes();
        long count = 0;
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, Object> bucket : buckets.entrySet()) {
            long bucketMinute = Long.parseLong(bucket.getKey());
            if (bucketMinute >= first) {
                count += ((Number) bucket.getValue()).longValue();
            } else {
                expired.add(bucket.getKey());
            }
        }
        if (!expired.isEmpty()) {
            collection.updateOne(Filters.eq(ID, tenantId), Updates.combine(
                    expired.stream().map(key -> Updates.unset(DELETIONS + "." + key)).toList()));
        }
        return count;
    }

    /** Starts a new deletion window: an operator decided about what the last one held. */
    public void resetDeletions(String tenantId) {
        collection.updateOne(Filters.eq(ID, tenantId), Updates.unset(DELETIONS));
    }

    /** Adds {@code count} to the tenant's number of applied changes. */
    /** Adds each tenant's count of applied changes, in one bulk write. */
    public void addApplied(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(counts.size());
        counts.forEach((tenantId, count) -> writes.add(new UpdateOneModel<>(
                Filters.eq(ID, tenantId), Updates.inc(APPLIED, count),
                new UpdateOptions().upsert(true))));
        collection.bulkWrite(writes);
    }

    public long applied(String tenantId) {
        Document document = collection.find(Filters.eq(ID, tenantId)).first();
        Object value = document == null ? null : document.get(APPLIED);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private void upsert(String tenantId, Bson update) {
        collection.updateOne(Filters.eq(ID, tenantId), update, new UpdateOptions().upsert(true));
    }

    private static TenantControl toControl(String tenantId, Document document) {
        Document settings = document.get(SETTINGS, Document.class);
        Safeguards safeguards = settings == null
                ? Safeguards.DEFAULTS : SafeguardDocuments.fromDocument(settings);
        return new TenantControl(tenantId, safeguards, document.getBoolean(PAUSED, false),
                document.getBoolean(HOLDING, false));
    }
}
