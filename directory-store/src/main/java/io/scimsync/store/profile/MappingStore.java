package io.scimsync.store.profile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.profile.ProfileMapping;
import io.scimsync.store.resource.DocumentCodec;
import java.util.Locale;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The profile mapping of each tenant and the progress of its re-derivation, one document per
 * tenant in {@code tenant_mappings}, keyed by the tenant id:
 *
 * <pre>
 * {"_id": "&lt;tenant id&gt;", "fields": {"principalName": ["userName"], ...}, "version": 3,
 *  "progress": {"state": "running", "mappingVersion": 3, "done": 200, "total": 950, "failed": 1}}
 * </pre>
 *
 * <p>Every write is a single-document write.
 */
@Component
public class MappingStore {

    /** The collection of the tenants' mappings. */
    public static final String COLLECTION = "tenant_mappings";

    private static final String ID = "_id";
    private static final String FIELDS = "fields";
    private static final String VERSION = "version";
    private static final String PROGRESS = "progress";

    private final MongoCollection<Document> mappings;
    private final SchemaRegistry registry;

    public MappingStore(MongoTemplate mongoTemplate, SchemaRegistry registry) {
        this.mappings = mongoTemplate.getDb().getCollection(COLLECTION);
        this.registry = registry;
    }

    /**
     * Returns the tenant's mapping, or {@link ProfileMapping#DEFAULT} at version 0 when the
     * tenant has stored none.
     *
     * @throws io.scimsync.schemas.profile.InvalidMappingException if the stored mapping no longer
     *     fits the User schemas
     */
    public StoredMapping get(String tenantId) {
        Document found = mappings.find(Filters.eq(ID, tenantId)).first();
        if (found == null || found.get(FIELDS, Document.class) == null) {
            return new StoredMapping(ProfileMapping.DEFAULT, 0);
        }
        return toMapping(found);
    }

    /** Returns the version of the tenant's mapping, 0 when it has stored none. */
    public long version(String tenantId) {
        Document found = mappings.find(Filters.eq(ID, tenantId))
                .projection(new Document(VERSION, 1)).first();
        return found == null ? 0 : found.get(VERSION, Number.class).longValue();
    }

    /** Stores the tenant's new mapping and returns it with its version, one more than before. */
    public StoredMapping put(String tenantId, ProfileMapping mapping) {
        Document fields = DocumentCodec.toDocument(mapping.toJson()).get(FIELDS, Document.class);
        Document update = new Document("$set", new Document(FIELDS, fields))
                .append("$inc", new Document(VERSION, 1L));
        Document stored = mappings.findOneAndUpdate(Filters.eq(ID, tenantId), update,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return toMapping(stored);
    }

    /** Returns the progress of the tenant's last re-derivation. */
    public RederivationProgress progress(String tenantId) {
        Document found = mappings.find(Filters.eq(ID, tenantId))
                .projection(new Document(PROGRESS, 1)).first();
        Document progress = found == null ? null : found.get(PROGRESS, Document.class);
        return progress == null ? RederivationProgress.none() : toProgress(progress);
    }

    /**
     * Records the progress of a re-derivation, unless the tenant's mapping has moved past
     * {@code progress.mappingVersion()}: the re-derivation of the newer mapping owns the record.
     *
     * @return false when a newer mapping is stored
     */
    public boolean saveProgress(String tenantId, RederivationProgress progress) {
        Document document = new Document("state", progress.state().name().toLowerCase(Locale.ROOT))
                .append("mappingVersion", progress.mappingVersion())
                .append("done", progress.done())
                .append("total", progress.total())
                .append("failed", progress.failed());
        return mappings.updateOne(
                Filters.and(Filters.eq(ID, tenantId), Filters.eq(VERSION, progress.mappingVersion())),
                new Document("$set", new Document(PROGRESS, document))).getMatchedCount() > 0;
    }

    private StoredMapping toMapping(Document document) {
        Document json = new Document(FIELDS, document.get(FIELDS, Document.class));
        ProfileMapping mapping = ProfileMapping.parse(DocumentCodec.toAttributes(json), registry);
        return new StoredMapping(mapping, document.get(VERSION, Number.class).longValue());
    }

    private static RederivationProgress toProgress(Document progress) {
        return new RederivationProgress(
                RederivationProgress.State.valueOf(
                        progress.getString("state").toUpperCase(Locale.ROOT)),
                number(progress, "mappingVersion"),
                number(progress, "done"),
                number(progress, "total"),
                number(progress, "failed"));
    }

    private static long number(Document document, String field) {
        return document.get(field, Number.class).longValue();
    }
}
