package io.scimsync.schemas.events;

import java.util.List;

/**
 * The {@code data} of a user event.
 *
 * <pre>
 * {"profile": {"principalName": "alice@contoso.example", "active": false, "groups": ["g-1"]},
 *  "changed": ["active"]}
 * </pre>
 *
 * @param profile the profile after the change, or the last profile for {@code user.deleted}
 * @param changed the JSON names of the profile fields this event reports as changed
 * @param previousPrincipalName the principal name before a rename, only on {@code user.renamed}
 */
public record UserEventData(UserProfile profile, List<String> changed, String previousPrincipalName)
        implements EventData {

    public UserEventData {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }
}
