package io.scimsync.schemas.events;

import java.util.List;

/**
 * The {@code data} of a group event.
 *
 * <pre>
 * {"profile": {"displayName": "Engineering", "externalId": "5e1f..."}, "changed": ["displayName"]}
 * </pre>
 *
 * @param profile the profile after the change, or the last profile for {@code group.deleted}
 * @param changed the JSON names of the profile fields that differ from the previous state
 */
public record GroupEventData(GroupProfile profile, List<String> changed) implements EventData {

    public GroupEventData {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }
}
