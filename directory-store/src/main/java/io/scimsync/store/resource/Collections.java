package io.scimsync.store.resource;

import io.scimsync.schemas.ResourceType;

/** Collection and field names of the directory documents. */
public final class Collections {

    public static final String USERS = "users";
    public static final String GROUPS = "groups";
    public static final String TOMBSTONES = "tombstones";
    public static final String MEMBERSHIPS = "memberships";

    public static final String ID = "_id";
    public static final String TENANT = "tenantId";
    public static final String RESOURCE_ID = "resourceId";
    public static final String ATTRIBUTES = "attributes";
    public static final String SEARCH = "search";
    public static final String UNIQUE_KEY = "uniqueKey";
    public static final String CREATED = "created";
    public static final String LAST_MODIFIED = "lastModified";
    public static final String VERSION = "version";
    public static final String POSITION = "position";
    public static final String GROUP_IDS = "groupIds";
    public static final String EVENT_SEQUENCE = "eventSequence";
    public static final String OUTBOX = "outbox";
    /** Field of an outbox entry: the memberships its change writes after the resource. */
    public static final String MEMBERSHIP_WRITES = "membershipWrites";
    public static final String TYPE = "type";
    public static final String GROUP_ID = "groupId";
    public static final String MEMBER_ID = "memberId";
    public static final String MEMBER_TYPE = "memberType";
    /** The user's directory profile, as {@code DocumentCodec} escapes it. */
    public static final String PROFILE = "profile";
    /** The version of the tenant's mapping that the stored profile was derived with. */
    public static final String PROFILE_MAPPING_VERSION = "profileMappingVersion";
    /** The mapping version that failed to derive a profile for the user's current state. */
    public static final String PROFILE_FAILED_MAPPING_VERSION = "profileFailedMappingVersion";

    /** Name of the unique index on {@code (tenantId, uniqueKey)}. */
    public static final String UNIQUE_KEY_INDEX = "tenant_unique_key";

    private Collections() {
    }

    public static String of(ResourceType type) {
        return type == ResourceType.USER ? USERS : GROUPS;
    }

    /** The {@code _id} of a resource document: tenant and resource id, unique across tenants. */
    public static String documentId(String tenantId, String resourceId) {
        return tenantId + "/" + resourceId;
    }
}
