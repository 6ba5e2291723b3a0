package io.scimsync.schemas.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The group profile in group events. It has no member count: memberships are reported by
 * membership events, and a count would turn every member change into a group update as well.
 *
 * @param displayName the group's SCIM {@code displayName}
 * @param externalId the group's SCIM {@code externalId} (Entra's object id), or null
 */
public record GroupProfile(String displayName, String externalId) implements EventProfile {

    public GroupProfile {
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("a group profile needs a displayName");
        }
    }

    @Override
    public Map<String, Object> fieldValues() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("displayName", displayName);
        fields.put("externalId", externalId);
        return fields;
    }
}
