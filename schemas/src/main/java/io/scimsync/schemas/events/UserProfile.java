package io.scimsync.schemas.events;

import io.scimsync.schemas.profile.ProfileField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user profile in user events: the directory profile ({@link ProfileField}) and the ids of
 * the groups the user is a direct member of. Fields without a value are null and left out of
 * the JSON.
 *
 * @param active null when the user has no {@code active} attribute, which counts as enabled
 * @param groups never null, empty when the user is in no group
 */
public record UserProfile(
        String principalName,
        String displayName,
        String givenName,
        String familyName,
        String email,
        Boolean active,
        String externalId,
        String employeeNumber,
        String department,
        String managerId,
        List<String> groups) implements EventProfile {

    public UserProfile {
        if (principalName == null || principalName.isBlank()) {
            throw new IllegalArgumentException("a user profile needs a principalName");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * Builds the profile from a directory profile as {@code ProfileMapper.derive} returns it.
     *
     * @throws IllegalArgumentException if {@code principalName} is missing or a field contains
     *     a value of the wrong JSON type; the message names the field, never the value
     */
    public static UserProfile from(ObjectNode directoryProfile, List<String> groupIds) {
        return new UserProfile(
                text(directoryProfile, ProfileField.PRINCIPAL_NAME),
                text(directoryProfile, ProfileField.DISPLAY_NAME),
                text(directoryProfile, ProfileField.GIVEN_NAME),
                text(directoryProfile, ProfileField.FAMILY_NAME),
                text(directoryProfile, ProfileField.EMAIL),
                bool(directoryProfile, ProfileField.ACTIVE),
                text(directoryProfile, ProfileField.EXTERNAL_ID),
                text(directoryProfile, ProfileField.EMPLOYEE_NUMBER),
                text(directoryProfile, ProfileField.DEPARTMENT),
                text(directoryProfile, ProfileField.MANAGER_ID),
                groupIds);
    }

    /** Returns whether the user is enabled: {@code active} is not false. */
    public boolean enabled() {
        return !Boolean.FALSE.equals(active);
    }

    @Override
    public Map<String, Object> fieldValues() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ProfileField.PRINCIPAL_NAME.jsonName(), principalName);
        fields.put(ProfileField.DISPLAY_NAME.jsonName(), displayName);
        fields.put(ProfileField.GIVEN_NAME.jsonName(), givenName);
        fields.put(ProfileField.FAMILY_NAME.jsonName(), familyName);
        fields.put(ProfileField.EMAIL.jsonName(), email);
        fields.put(ProfileField.ACTIVE.jsonName(), active);
        fields.put(ProfileField.EXTERNAL_ID.jsonName(), externalId);
        fields.put(ProfileField.EMPLOYEE_NUMBER.jsonName(), employeeNumber);
        fields.put(ProfileField.DEPARTMENT.jsonName(), department);
        fields.put(ProfileField.MANAGER_ID.jsonName(), managerId);
        fields.put("groups", groups.isEmpty() ? null : groups);
        return fields;
    }

    private static String text(ObjectNode profile, ProfileField field) {
        JsonNode value = present(profile, field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw wrongType(field);
        }
        return value.stringValue();
    }

    private static Boolean bool(ObjectNode profile, ProfileField field) {
        JsonNode value = present(profile, field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(field);
        }
        return value.booleanValue();
    }

    private static JsonNode present(ObjectNode profile, ProfileField field) {
        JsonNode value = profile.get(field.jsonName());
        return value == null || value.isNull() ? null : value;
    }

    private static IllegalArgumentException wrongType(ProfileField field) {
        return new IllegalArgumentException("directory profile field '" + field.jsonName()
                + "' must be " + field.kind().description());
    }
}
