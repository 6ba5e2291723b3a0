package io.scimsync.schemas.model;

/** The data types of RFC 7643 §2.3, with the names that appear in {@code /Schemas}. */
public enum AttributeType {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATE_TIME("dateTime"),
    BINARY("binary"),
    REFERENCE("reference"),
    COMPLEX("complex");

    private final String wireName;

    AttributeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Returns the type whose wire name equals {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException if no type has that name
     */
    public static AttributeType fromWireName(String name) {
        for (AttributeType type : values()) {
            if (type.wireName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown attribute type '" + name + "'");
    }
}
