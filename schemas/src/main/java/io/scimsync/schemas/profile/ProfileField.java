package io.scimsync.schemas.profile;

import java.util.Optional;

/**
 * The fields of a user's directory profile, the record downstream services read instead of the
 * SCIM resource. {@code groups} is not among them: it comes from the memberships the store keeps.
 */
public enum ProfileField {
    PRINCIPAL_NAME("principalName", ValueKind.STRING),
    DISPLAY_NAME("displayName", ValueKind.STRING),
    GIVEN_NAME("givenName", ValueKind.STRING),
    FAMILY_NAME("familyName", ValueKind.STRING),
    EMAIL("email", ValueKind.STRING),
    ACTIVE("active", ValueKind.BOOLEAN),
    EXTERNAL_ID("externalId", ValueKind.STRING),
    EMPLOYEE_NUMBER("employeeNumber", ValueKind.STRING),
    DEPARTMENT("department", ValueKind.STRING),
    MANAGER_ID("managerId", ValueKind.STRING);

    /** The JSON type a profile field holds. */
    public enum ValueKind {
        STRING("a string"),
        BOOLEAN("a boolean");

        private final String description;

        ValueKind(String description) {
            this.description = description;
        }

        /** Returns the type as messages name it, such as "a string". */
        public String description() {
            return description;
        }
    }

    private final String jsonName;
    private final ValueKind kind;

    ProfileField(String jsonName, ValueKind kind) {
        this.jsonName = jsonName;
        this.kind = kind;
    }

    /** Returns the name in the profile document and the mapping, such as {@code principalName}. */
    public String jsonName() {
        return jsonName;
    }

    public ValueKind kind() {
        return kind;
    }

    /** Returns the field called {@code jsonName}, matching case exactly. */
    public static Optional<ProfileField> fromJsonName(String jsonName) {
        for (ProfileField field : values()) {
            if (field.jsonName.equals(jsonName)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
