package io.scimsync.store.resource;

import static io.scimsync.store.resource.Collections.ATTRIBUTES;
import static io.scimsync.store.resource.Collections.CREATED;
import static io.scimsync.store.resource.Collections.GROUP_IDS;
import static io.scimsync.store.resource.Collections.EVENT_SEQUENCE;
import static io.scimsync.store.resource.Collections.ID;
import static io.scimsync.store.resource.Collections.LAST_MODIFIED;
import static io.scimsync.store.resource.Collections.OUTBOX;
import static io.scimsync.store.resource.Collections.MEMBERSHIP_WRITES;
import static io.scimsync.store.resource.Collections.POSITION;
import static io.scimsync.store.resource.Collections.PROFILE;
import static io.scimsync.store.resource.Collections.PROFILE_FAILED_MAPPING_VERSION;
import static io.scimsync.store.resource.Collections.PROFILE_MAPPING_VERSION;
import static io.scimsync.store.resource.Collections.RESOURCE_ID;
import static io.scimsync.store.resource.Collections.SEARCH;
import static io.scimsync.store.resource.Collections.TENANT;
import static io.scimsync.store.resource.Collections.TOMBSTONES;
import static io.scimsync.store.resource.Collections.TYPE;
import static io.scimsync.store.resource.Collections.UNIQUE_KEY;
import static io.scimsync.store.resource.Collections.UNIQUE_KEY_INDEX;
import static io.scimsync.store.resource.Collections.VERSION;
import static io.scimsync.store.resource.Collections.documentId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import io.scimsync.schemas.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users and groups of every tenant, one document each, with the position of the last change
 * applied to it. Every write is a single-document operation, so it works on a MongoDB replica set
 * and on the embedded wire-protocol store alike. A deleted resource leaves a tombstone with its
 * last position, so that a redelivered create of it is recognised and not applied again.
 *
 * <p>A user's document may also carry the user's directory profile ({@code profile}) and the
 * version of the mapping it was derived with. The overloads that take a
 * {@link DirectoryProfile} write it in the same single-document write as the resource; the
 * others leave the stored profile as it is, or absent.
 */
@Component
public class ResourceStore {

    /**
     * The value of the {@code managedBy} field of every resource the SCIM pipeline inserts:
     * writers other than the tenant's SCIM client must leave such resources alone.
     */
    public static final String SCIM_PIPELINE = "scim";

    /** The document field naming who manages a resource. */
    static final String MANAGED_BY = "managedBy";

    private final MongoDatabase database;

    public ResourceStore(MongoTemplate mongoTemplate) {
        this.database = mongoTemplate.getDb();
    }

    public Optional<StoredResource> find(String tenantId, ResourceType type, String id) {
        Document document = collection(type).find(Filters.eq(ID, documentId(tenantId, id))).first();
        return Optional.ofNullable(document).map(found -> toResource(found, type));
    }

    /** The resources of the given ids that exist, in no particular order. */
    public List<StoredResource> findAll(String tenantId, ResourceType type, Collection<String> ids) {
        List<String> documentIds = ids.stream().map(id -> documentId(tenantId, id)).toList();
        List<StoredResource> found = new ArrayList<>();
        for (Document document : collection(type).find(Filters.in(ID, documentIds))) {
            found.add(toResource(document, type));
        }
        return found;
    }

    /**
     * The live resources among {@code refs}, with their applied positions, read with one query
     * per resource type. A ref missing from the result has no live resource.
     */
    public Map<ResourceRef, LiveResource> findLive(Collection<ResourceRef> refs) {
        Map<ResourceRef, LiveResource> found = new HashMap<>();
        for (Map.Entry<ResourceType, List<ResourceRef>> ofType : byType(refs).entrySet()) {
            List<String> documentIds = ofType.getValue().stream()
                    .map(ref -> documentId(ref.tenantId(), ref.id())).toList();
            for (Document document : collection(ofType.getKey()).find(Filters.in(ID, documentIds))) {
                StoredResource resource = toResource(document, ofType.getKey());
                found.put(new ResourceRef(resource.tenantId(), resource.type(), resource.id()),
                        new LiveResource(resource, position(document)));
            }
        }
        return found;
    }

    /**
     * The positions of the deletes of the deleted resources among {@code refs}, read with one
     * query. A ref missing from the result has no tombstone.
     */
    public Map<ResourceRef, ChangePosition> findDeleted(Collection<ResourceRef> refs) {
        Map<String, ResourceRef> byTombstoneId = new HashMap<>();
        refs.forEach(ref -> byTombstoneId.put(tombstoneId(ref.type(), ref.tenantId(), ref.id()), ref));
        Map<ResourceRef, ChangePosition> found = new HashMap<>();
        if (byTombstoneId.isEmpty()) {
            return found;
        }
        database.getCollection(TOMBSTONES)
                .find(Filters.in(ID, byTombstoneId.keySet()))
                .projection(new Document(ID, 1).append(POSITION, 1))
                .forEach(document -> found.put(byTombstoneId.get(document.getString(ID)),
                        position(document)));
        return found;
    }

    private static Map<ResourceType, List<ResourceRef>> byType(Collection<ResourceRef> refs) {
        Map<ResourceType, List<ResourceRef>> byType = new EnumMap<>(ResourceType.class);
        refs.forEach(ref -> byType.computeIfAbsent(ref.type(), type -> new ArrayList<>()).add(ref));
        return byType;
    }

    /** The id of the tenant's resource whose unique key is {@code uniqueKey}, if there is one. */
    public Optional<String> findIdByUniqueKey(String tenantId, ResourceType type, String uniqueKey) {
        Document query = new Document(TENANT, tenantId).append(UNIQUE_KEY, uniqueKey);
        Document found = collection(type).find(query).projection(new Document(RESOURCE_ID, 1)).first();
        return Optional.ofNullable(found).map(document -> document.getString(RESOURCE_ID));
    }

    /** Whether the resource existed and was deleted; ids are never reused. */
    public boolean isDeleted(String tenantId, ResourceType type, String id) {
        return database.getCollection(TOMBSTONES)
                .find(Filters.eq(ID, tombstoneId(type, tenantId, id)))
                .projection(new Document(ID, 1)).first() != null;
    }

    /**
     * The records the change at {@code position} published, from the live resource or its
     * tombstone, while they are kept (until a later change of the resource is applied in a
     * later batch).
     */
    public Optional<OutboxEntry> outboxEntry(String tenantId, ResourceType type, String id,
            ChangePosition position) {
        Document live = collection(type).find(Filters.eq(ID, documentId(tenantId, id)))
                .projection(new Document(OUTBOX, 1).append(EVENT_SEQUENCE, 1)).first();
        Document source = live != null ? live : database.getCollection(TOMBSTONES).find(
                Filters.eq(ID, tombstoneId(type, tenantId, id))).first();
        return source == null ? Optional.empty() : eventLog(source).entryAt(position);
    }

    /** The position of the last change applied to the resource, live or deleted. */
    public Optional<ChangePosition> appliedPosition(String tenantId, ResourceType type, String id) {
        Bson byId = Filters.eq(ID, documentId(tenantId, id));
        Document live = collection(type).find(byId).projection(new Document(POSITION, 1)).first();
        Document source = live != null ? live : database.getCollection(TOMBSTONES).find(
                Filters.eq(ID, tombstoneId(type, tenantId, id))).first();
        return Optional.ofNullable(source).map(ResourceStore::position);
    }

    /**
     * Inserts a new resource.
     *
     * @throws UniquenessViolationException when the tenant has a resource with the same unique key
     */
    public void insert(StoredResource resource, ChangePosition position) {
        insertDocument(resource, toDocument(resource, position));
    }

    /**
     * Inserts a new user with its directory profile, in one write.
     *
     * @throws UniquenessViolationException when the tenant has a user with the same unique key
     */
    public void insert(StoredResource resource, ChangePosition position, DirectoryProfile profile) {
        Document document = toDocument(resource, position);
        document.putAll(profileFields(profile.fields(), profile.mappingVersion()));
        insertDocument(resource, document);
    }

    private void insertDocument(StoredResource resource, Document document) {
        document.append(MANAGED_BY, SCIM_PIPELINE);
        try {
            collection(resource.type()).insertOne(document);
        } catch (MongoWriteException e) {
            throw translate(e, resource);
        }
    }

    /**
     * Inserts new resources with one bulk write, all at {@code position}, for loading a tenant
     * outside the change pipeline (benchmarks and imports). The write is unordered, so a resource
     * that violates a unique index fails alone and the error lists it.
     */
    public void insertAll(Collection<StoredResource> resources, ChangePosition position) {
        List<InsertOneModel<Document>> writes = new ArrayList<>(resources.size());
        ResourceType type = null;
        for (StoredResource resource : resources) {
            if (type != null && resource.type() != type) {
                throw new IllegalArgumentException("insertAll takes resources of one type");
            }
            type = resource.type();
            writes.add(new InsertOneModel<>(toDocument(resource, position)));
        }
        if (type != null) {
            collection(type).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Writes a new state of an existing resource, on condition that the stored version is
     * {@code resource.version() - 1}.
     *
     * @throws ConcurrentWriteException when another writer changed the resource in between
     * @throws UniquenessViolationException when the new unique key is taken
     */
    public void update(StoredResource resource, ChangePosition position) {
        updateDocument(resource, changes(resource, position));
    }

    /**
     * Writes a new state of an existing user and its directory profile in one write, on the
     * same condition as {@link #update(StoredResource, ChangePosition)}.
     *
     * @throws ConcurrentWriteException when another writer changed the user in between
     * @throws UniquenessViolationException when the new unique key is taken
     */
    public void update(StoredResource resource, ChangePosition position, DirectoryProfile profile) {
        Document changes = changes(resource, position);
        changes.putAll(profileFields(profile.fields(), profile.mappingVersion()));
        updateDocument(resource, changes);
    }

    private static Document changes(StoredResource resource, ChangePosition position) {
        Document changes = toDocument(resource, position);
        changes.remove(ID);
        changes.remove(GROUP_IDS);
        changes.remove(CREATED);
        return changes;
    }

    /**
     * Sets {@code changes} if the stored version is the one before the resource's. The failure
     * mark of a re-derivation goes, because it concerned the state this write replaces.
     */
    private void updateDocument(StoredResource resource, Document changes) {
        Bson condition = versionCondition(resource.tenantId(), resource.id(), resource.version() - 1);
        Document update = new Document("$set", changes)
                .append("$unset", new Document(PROFILE_FAILED_MAPPING_VERSION, ""));
        UpdateResult result;
        try {
            result = collection(resource.type()).updateOne(condition, update);
        } catch (MongoWriteException e) {
            throw translate(e, resource);
        }
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentWriteException("resource " + resource.id() + " of tenant "
                    + resource.tenantId() + " is no longer at version " + (resource.version() - 1));
        }
    }

    /**
     * Returns who manages the resource: {@link #SCIM_PIPELINE} for every resource the SCIM
     * pipeline created, or an empty string for one that came into the store another way. The
     * result is empty when there is no such resource.
     */
    public Optional<String> managedBy(String tenantId, ResourceType type, String id) {
        Document found = collection(type).find(Filters.eq(ID, documentId(tenantId, id)))
                .projection(new Document(MANAGED_BY, 1)).first();
        return Optional.ofNullable(found).map(document -> document.getString(MANAGED_BY) == null
                ? "" : document.getString(MANAGED_BY));
    }

    /**
     * Writes only the resource's event log, on condition that it is still at its version: for
     * events that change no attribute, such as the end of a membership whose member was deleted.
     *
     * @throws ConcurrentWriteException when another writer changed the resource in between
     */
    public void updateEvents(StoredResource resource) {
        Bson condition = versionCondition(resource.tenantId(), resource.id(), resource.version());
        Document update = new Document("$set", new Document(EVENT_SEQUENCE, resource.events().sequence())
                .append(OUTBOX, outboxDocuments(resource.events())));
        if (collection(resource.type()).updateOne(condition, update).getMatchedCount() == 0) {
            throw new ConcurrentWriteException("resource " + resource.id() + " of tenant "
                    + resource.tenantId() + " is no longer at version " + resource.version());
        }
    }

    /**
     * Returns the filter of a write on condition of the stored version: one flat document, the
     * shape the unique index on {@code (_id, version)} serves on the embedded store (a driver
     * {@code $and} of the two would make it scan the collection).
     */
    private static Bson versionCondition(String tenantId, String id, long version) {
        return new Document(ID, documentId(tenantId, id)).append(VERSION, version);
    }

    /** Deletes a resource, leaving a tombstone that records the position of the delete. */
    public void delete(StoredResource resource, ChangePosition position) {
        String id = tombstoneId(resource.type(), resource.tenantId(), resource.id());
        Document tombstone = new Document(ID, id)
                .append(TENANT, resource.tenantId())
                .append(TYPE, resource.type().scimName())
                .append(RESOURCE_ID, resource.id())
                .append(POSITION, positionDocument(position))
                .append(LAST_MODIFIED, new Date())
                .append(EVENT_SEQUENCE, resource.events().sequence())
                .append(OUTBOX, outboxDocuments(resource.events()));
        database.getCollection(TOMBSTONES)
                .replaceOne(Filters.eq(ID, id), tombstone, new ReplaceOptions().upsert(true));
        collection(resource.type())
                .deleteOne(Filters.eq(ID, documentId(resource.tenantId(), resource.id())));
    }

    /** One page of the tenant's resources matching {@code filter}, ordered by id. */
    public ResourcePage query(ResourceType type, Bson filter, int skip, int limit) {
        return query(type, filter, new Document(ID, 1), skip, limit);
    }

    /**
     * One page of the tenant's resources matching {@code filter}.
     *
     * @param filter a query on the document fields, as the filter translator builds it; it must
     *     restrict the tenant
     * @param sort the order, as the filter translator builds it; it must end with the id so
     *     that pages are stable
     * @param skip how many matches to skip ({@code startIndex - 1})
     * @param limit the page size; 0 counts without loading any resource
     */
    public ResourcePage query(ResourceType type, Bson filter, Bson sort, int skip, int limit) {
        List<StoredResource> page = new ArrayList<>();
        if (limit > 0) {
            collection(type).find(filter).sort(sort).skip(skip).limit(limit)
                    .forEach(document -> page.add(toResource(document, type)));
        }
        return new ResourcePage(page, total(type, filter, skip, limit, page.size()));
    }

    /**
     * Returns the number of matches, counting them only when the page does not show it: a page
     * shorter than {@code limit} that is not past the end ends at the last match. So a lookup by
     * {@code userName} or {@code id}, which the embedded store serves from a unique index, does
     * not also scan the tenant for {@code totalResults}.
     */
    private long total(ResourceType type, Bson filter, int skip, int limit, int found) {
        boolean pageEndsAtLastMatch = limit > 0 && found < limit && (found > 0 || skip == 0);
        return pageEndsAtLastMatch ? (long) skip + found : count(type, filter);
    }

    /** Counts the tenant's resources that match {@code filter}. */
    public long count(ResourceType type, Bson filter) {
        return collection(type).countDocuments(filter);
    }

    /**
     * Reads up to {@code limit} resources matching {@code filter} that come after
     * {@code position} in {@code order}, or before it when {@code backward}, with a range query
     * on the sort field and the id rather than a skip. The page is in listing order either way.
     *
     * @param position where to continue, or null to start at the first resource (the last one
     *     when {@code backward})
     * @throws IllegalArgumentException when {@code order} is on an array field, whose elements
     *     have no single position
     */
    public KeysetPage seek(ResourceType type, Bson filter, SortOrder order, PagePosition position,
            boolean backward, int limit) {
        if (order.multiValued()) {
            throw new IllegalArgumentException("cannot read from a position of the order on the"
                    + " multi-valued field " + order.field());
        }
        Bson condition = position == null ? filter : seekCondition(filter, order, position, backward);
        List<Document> documents = new ArrayList<>(limit + 1);
        collection(type).find(condition)
                .sort(backward ? order.toReversedSort() : order.toSort())
                .limit(limit + 1)
                .forEach(documents::add);
        boolean more = documents.size() > limit;
        List<Document> page = new ArrayList<>(documents.subList(0, Math.min(limit, documents.size())));
        if (backward) {
            java.util.Collections.reverse(page);
        }
        List<StoredResource> resources = page.stream().map(found -> toResource(found, type)).toList();
        return new KeysetPage(resources, positionOf(page, 0, order),
                positionOf(page, page.size() - 1, order), more);
    }

    /**
     * Returns the query of {@link #seek} from {@code position}: {@code filter} and the range after
     * (or before) the position, for tools that check its shape against the indexes.
     */
    public static Document seekCondition(Bson filter, SortOrder order, PagePosition position,
            boolean backward) {
        return new Document("$and", List.of(filter, PositionRanges.beyond(order, position, backward)));
    }

    private static PagePosition positionOf(List<Document> page, int index, SortOrder order) {
        if (page.isEmpty()) {
            return null;
        }
        Document document = page.get(index);
        Object value = order.field() == null ? null : PositionRanges.valueAt(document, order.field());
        return new PagePosition(value, document.getString(RESOURCE_ID));
    }

    /** Returns the user's directory profile; empty for an unknown user or one without a profile. */
    public Optional<DirectoryProfile> findProfile(String tenantId, String id) {
        Document projection = new Document(PROFILE, 1).append(PROFILE_MAPPING_VERSION, 1);
        Document found = users().find(Filters.eq(ID, documentId(tenantId, id)))
                .projection(projection).first();
        if (found == null || found.get(PROFILE, Document.class) == null) {
            return Optional.empty();
        }
        Number mappingVersion = found.get(PROFILE_MAPPING_VERSION, Number.class);
        return Optional.of(new DirectoryProfile(
                DocumentCodec.toAttributes(found.get(PROFILE, Document.class)),
                mappingVersion == null ? 0 : mappingVersion.longValue()));
    }

    /**
     * Replaces a user's directory profile, leaving the resource and its version alone, on
     * condition that the user is still at {@code expectedVersion} and that its stored profile
     * was not derived with a mapping newer than {@code mappingVersion}.
     *
     * @return false when the condition does not hold or the user does not exist: re-read the
     *     user and decide again
     */
    public boolean replaceProfile(String tenantId, String id, long expectedVersion,
            ObjectNode profile, long mappingVersion) {
        Bson condition = Filters.and(
                Filters.eq(ID, documentId(tenantId, id)),
                Filters.eq(VERSION, expectedVersion),
                Filters.or(Filters.exists(PROFILE_MAPPING_VERSION, false),
                        Filters.lte(PROFILE_MAPPING_VERSION, mappingVersion)));
        Document update = new Document("$set", profileFields(profile, mappingVersion))
                .append("$unset", new Document(PROFILE_FAILED_MAPPING_VERSION, ""));
        return users().updateOne(condition, update).getMatchedCount() > 0;
    }

    /**
     * Records that mapping {@code mappingVersion} cannot derive a profile for the user at
     * {@code expectedVersion}, keeping the stored profile, so that a later pass of the same
     * re-derivation skips the user until its next write.
     *
     * @return false when the user is no longer at {@code expectedVersion} or does not exist
     */
    public boolean markProfileFailed(String tenantId, String id, long expectedVersion,
            long mappingVersion) {
        Bson condition = Filters.and(
                Filters.eq(ID, documentId(tenantId, id)), Filters.eq(VERSION, expectedVersion));
        Document update = new Document("$set",
                new Document(PROFILE_FAILED_MAPPING_VERSION, mappingVersion));
        return users().updateOne(condition, update).getMatchedCount() > 0;
    }

    /** Counts the tenant's users. */
    public long countUsers(String tenantId) {
        return users().countDocuments(Filters.eq(TENANT, tenantId));
    }

    /**
     * Returns up to {@code limit} of the tenant's users in {@code _id} order, starting after the
     * user {@code afterId}, or at the first user when it is null.
     */
    public List<StoredResource> usersAfter(String tenantId, String afterId, int limit) {
        return usersPage(Filters.eq(TENANT, tenantId), tenantId, afterId, limit);
    }

    /**
     * Returns, like {@link #usersAfter}, the users whose profile is absent or derived with a
     * mapping older than {@code mappingVersion}, except those that this mapping version failed
     * for since their last write.
     */
    public List<StoredResource> usersWithStaleProfile(
            String tenantId, long mappingVersion, String afterId, int limit) {
        Bson stale = Filters.and(
                Filters.eq(TENANT, tenantId),
                Filters.or(Filters.exists(PROFILE_MAPPING_VERSION, false),
                        Filters.lt(PROFILE_MAPPING_VERSION, mappingVersion)),
                Filters.ne(PROFILE_FAILED_MAPPING_VERSION, mappingVersion));
        return usersPage(stale, tenantId, afterId, limit);
    }

    private List<StoredResource> usersPage(Bson filter, String tenantId, String afterId, int limit) {
        Bson page = afterId == null
                ? filter
                : Filters.and(filter, Filters.gt(ID, documentId(tenantId, afterId)));
        List<StoredResource> users = new ArrayList<>();
        users().find(page).sort(new Document(ID, 1)).limit(limit)
                .forEach(document -> users.add(toResource(document, ResourceType.USER)));
        return users;
    }

    private static Document profileFields(ObjectNode profile, long mappingVersion) {
        return new Document(PROFILE, DocumentCodec.toDocument(profile))
                .append(PROFILE_MAPPING_VERSION, mappingVersion);
    }

    private MongoCollection<Document> users() {
        return collection(ResourceType.USER);
    }

    private MongoCollection<Document> collection(ResourceType type) {
        return database.getCollection(Collections.of(type));
    }

    private static String tombstoneId(ResourceType type, String tenantId, String id) {
        return type.scimName() + "/" + documentId(tenantId, id);
    }

    private static RuntimeException translate(MongoWriteException e, StoredResource resource) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            return e;
        }
        if (e.getError().getMessage().contains(UNIQUE_KEY_INDEX)
                || e.getError().getMessage().contains(UNIQUE_KEY)) {
            return new UniquenessViolationException("tenant " + resource.tenantId()
                    + " has another " + resource.type().scimName() + " with the same unique key", e);
        }
        return new ConcurrentWriteException("resource " + resource.id() + " of tenant "
                + resource.tenantId() + " was created by another writer");
    }

    static Document toDocument(StoredResource resource, ChangePosition position) {
        return new Document(ID, documentId(resource.tenantId(), resource.id()))
                .append(TENANT, resource.tenantId())
                .append(RESOURCE_ID, resource.id())
                .append(ATTRIBUTES, DocumentCodec.toDocument(resource.attributes()))
                .append(SEARCH, DocumentCodec.toSearchDocument(resource.attributes()))
                .append(UNIQUE_KEY, UniqueKeys.of(resource.type(), resource.attributes()))
                .append(CREATED, Date.from(resource.created()))
                .append(LAST_MODIFIED, Date.from(resource.lastModified()))
                .append(VERSION, resource.version())
                .append(POSITION, positionDocument(position))
                .append(GROUP_IDS, resource.groupIds())
                .append(EVENT_SEQUENCE, resource.events().sequence())
                .append(OUTBOX, outboxDocuments(resource.events()));
    }

    private static List<Document> outboxDocuments(EventLog events) {
        List<Document> entries = new ArrayList<>();
        for (OutboxEntry entry : events.outbox()) {
            List<Document> records = new ArrayList<>();
            for (OutboxRecord record : entry.records()) {
                records.add(new Document("topic", record.topic()).append("key", record.key())
                        .append("value", record.value() == null ? null : new Binary(record.value())));
            }
            Document stored = new Document(POSITION, positionDocument(entry.position()))
                    .append("processedAt", positionDocument(entry.processedAt()))
                    .append("records", records);
            if (!entry.membershipWrites().isEmpty()) {
                stored.append(MEMBERSHIP_WRITES, membershipWritesDocument(entry.membershipWrites()));
            }
            entries.add(stored);
        }
        return entries;
    }

    private static EventLog eventLog(Document document) {
        Number sequence = document.get(EVENT_SEQUENCE, Number.class);
        List<OutboxEntry> entries = new ArrayList<>();
        for (Document entry : document.getList(OUTBOX, Document.class, List.of())) {
            List<OutboxRecord> records = new ArrayList<>();
            for (Document record : entry.getList("records", Document.class, List.of())) {
                Binary value = record.get("value", Binary.class);
                records.add(new OutboxRecord(record.getString("topic"), record.getString("key"),
                        value == null ? null : value.getData()));
            }
            Document processed = entry.get("processedAt", Document.class);
            entries.add(new OutboxEntry(position(entry), new ChangePosition(
                    processed.getInteger("partition"), processed.get("offset", Number.class).longValue()),
                    records, membershipWrites(entry.get(MEMBERSHIP_WRITES, Document.class))));
        }
        return new EventLog(sequence == null ? 0 : sequence.longValue(), entries);
    }

    private static Document membershipWritesDocument(MembershipWrites writes) {
        List<Document> add = new ArrayList<>();
        writes.add().forEach((id, type) ->
                add.add(new Document("id", id).append("type", type.scimName())));
        return new Document("add", add).append("remove", writes.remove())
                .append("leave", writes.leave());
    }

    private static MembershipWrites membershipWrites(Document document) {
        if (document == null) {
            return MembershipWrites.NONE;
        }
        Map<String, ResourceType> add = new LinkedHashMap<>();
        for (Document member : document.getList("add", Document.class, List.of())) {
            add.put(member.getString("id"),
                    ResourceType.fromScimName(member.getString("type")).orElseThrow());
        }
        return new MembershipWrites(add, document.getList("remove", String.class, List.of()),
                document.getList("leave", String.class, List.of()));
    }

    static StoredResource toResource(Document document, ResourceType type) {
        return new StoredResource(
                document.getString(TENANT),
                type,
                document.getString(RESOURCE_ID),
                DocumentCodec.toAttributes(document.get(ATTRIBUTES, Document.class)),
                instant(document, CREATED),
                instant(document, LAST_MODIFIED),
                document.get(VERSION, Number.class).longValue(),
                document.getList(GROUP_IDS, String.class, List.of()),
                eventLog(document));
    }

    private static Instant instant(Document document, String field) {
        return document.getDate(field).toInstant();
    }

    private static Document positionDocument(ChangePosition position) {
        return new Document("partition", position.partition()).append("offset", position.offset());
    }

    private static ChangePosition position(Document document) {
        Document position = document.get(POSITION, Document.class);
        if (position == null) {
            return null;
        }
        return new ChangePosition(position.getInteger("partition"),
                position.get("offset", Number.class).longValue());
    }
}
