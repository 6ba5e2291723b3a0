package io.scimsync.store.resource;

import static io.scimsync.store.resource.Collections.GROUP_ID;
import static io.scimsync.store.resource.Collections.GROUP_IDS;
import static io.scimsync.store.resource.Collections.ID;
import static io.scimsync.store.resource.Collections.MEMBERSHIPS;
import static io.scimsync.store.resource.Collections.MEMBER_ID;
import static io.scimsync.store.resource.Collections.MEMBER_TYPE;
import static io.scimsync.store.resource.Collections.RESOURCE_ID;
import static io.scimsync.store.resource.Collections.TENANT;
import static io.scimsync.store.resource.Collections.documentId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.scimsync.schemas.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Direct group memberships: one document per (group, member) in {@code memberships}, so that a
 * group of 100,000 members is never one document rewritten on each change, and the member's own
 * document lists its groups in {@code groupIds}, so that "the groups of this user" is a lookup by
 * primary key. Every operation is idempotent: applying it again after a crash changes nothing.
 */
@Component
public class MembershipStore {

    private final MongoDatabase database;

    public MembershipStore(MongoTemplate mongoTemplate) {
        this.database = mongoTemplate.getDb();
    }

    /** Which of {@code ids} are users or groups of the tenant, with their type, in request order. */
    public Map<String, ResourceType> resolveMembers(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, ResourceType> found = new LinkedHashMap<>();
        for (ResourceType type : ResourceType.values()) {
            List<String> documentIds = ids.stream().map(id -> documentId(tenantId, id)).toList();
            database.getCollection(Collections.of(type))
                    .find(Filters.in(ID, documentIds))
                    .projection(new Document(RESOURCE_ID, 1))
                    .forEach(document -> found.put(document.getString(RESOURCE_ID), type));
        }
        Map<String, ResourceType> ordered = new LinkedHashMap<>();
        ids.stream().filter(found::containsKey).forEach(id -> ordered.put(id, found.get(id)));
        return ordered;
    }

    public void add(String tenantId, String groupId, Map<String, ResourceType> members) {
        if (members.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        members.forEach((memberId, type) -> writes.add(new ReplaceOneModel<>(
                Filters.eq(ID, membershipId(tenantId, groupId, memberId)),
                membershipDocument(tenantId, groupId, memberId, type),
                new ReplaceOptions().upsert(true))));
        memberships().bulkWrite(writes);
        members.entrySet().stream()
                .collect(Collectors.groupingBy(Map.Entry::getValue))
                .forEach((type, entries) -> updateGroupIds(tenantId, type,
                        entries.stream().map(Map.Entry::getKey).toList(),
                        Updates.addToSet(GROUP_IDS, groupId)));
    }

    public void remove(String tenantId, String groupId, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        List<String> ids = memberIds.stream()
                .map(memberId -> membershipId(tenantId, groupId, memberId)).toList();
        memberships().deleteMany(Filters.in(ID, ids));
        for (ResourceType type : ResourceType.values()) {
            updateGroupIds(tenantId, type, memberIds, Updates.pull(GROUP_IDS, groupId));
        }
    }

    /**
     * Writes the memberships of one change of {@code resourceId}: the members a group gains or
     * loses, and the groups a deleted resource leaves. Each write is idempotent.
     */
    public void apply(String tenantId, String resourceId, MembershipWrites writes) {
        add(tenantId, resourceId, writes.add());
        remove(tenantId, resourceId, writes.remove());
        removeMember(tenantId, resourceId, writes.leave());
    }

    /** Which of {@code memberIds} are direct members of the group, by primary key. */
    public Set<String> directMembersAmong(
            String tenantId, String groupId, Collection<String> memberIds) {
        Set<String> members = new HashSet<>();
        if (memberIds.isEmpty()) {
            return members;
        }
        List<String> ids = memberIds.stream()
                .map(memberId -> membershipId(tenantId, groupId, memberId)).toList();
        memberships().find(Filters.in(ID, ids)).projection(new Document(MEMBER_ID, 1))
                .forEach(document -> members.add(document.getString(MEMBER_ID)));
        return members;
    }

    /** The direct members of a group. */
    public List<Membership> members(String tenantId, String groupId) {
        List<Membership> members = new ArrayList<>();
        memberships().find(Filters.and(Filters.eq(TENANT, tenantId), Filters.eq(GROUP_ID, groupId)))
                .sort(new Document(MEMBER_ID, 1))
                .forEach(document -> members.add(new Membership(
                        groupId,
                        document.getString(MEMBER_ID),
                        ResourceType.fromScimName(document.getString(MEMBER_TYPE)).orElseThrow())));
        return members;
    }

    /** Removes every membership of a group that is being deleted. */
    public void removeGroup(String tenantId, String groupId) {
        List<String> memberIds = members(tenantId, groupId).stream().map(Membership::memberId).toList();
        remove(tenantId, groupId, memberIds);
    }

    /** Removes a member that is being deleted from each of its groups. */
    public void removeMember(String tenantId, String memberId, Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return;
        }
        List<String> ids = groupIds.stream()
                .map(groupId -> membershipId(tenantId, groupId, memberId)).toList();
        memberships().deleteMany(Filters.in(ID, ids));
    }

    private void updateGroupIds(
            String tenantId, ResourceType type, Collection<String> memberIds, Bson update) {
        List<String> documentIds = memberIds.stream().map(id -> documentId(tenantId, id)).toList();
        database.getCollection(Collections.of(type)).updateMany(Filters.in(ID, documentIds), update);
    }

    private MongoCollection<Document> memberships() {
        return database.getCollection(MEMBERSHIPS);
    }

    private static String membershipId(String tenantId, String groupId, String memberId) {
        return tenantId + "/" + groupId + "/" + memberId;
    }

    private static Document membershipDocument(
            String tenantId, String groupId, String memberId, ResourceType type) {
        return new Document(ID, membershipId(tenantId, groupId, memberId))
                .append(TENANT, tenantId)
                .append(GROUP_ID, groupId)
                .append(MEMBER_ID, memberId)
                .append(MEMBER_TYPE, type.scimName());
    }
}
