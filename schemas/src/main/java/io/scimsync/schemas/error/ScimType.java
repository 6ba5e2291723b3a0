package io.scimsync.schemas.error;

/**
 * The {@code scimType} values that this service sends: those of RFC 7644 §3.12 and
 * {@code invalidCursor} of RFC 9865 §2.1.
 */
public enum ScimType {
    INVALID_FILTER("invalidFilter"),
    TOO_MANY("tooMany"),
    UNIQUENESS("uniqueness"),
    MUTABILITY("mutability"),
    INVALID_SYNTAX("invalidSyntax"),
    INVALID_PATH("invalidPath"),
    NO_TARGET("noTarget"),
    INVALID_VALUE("invalidValue"),
    INVALID_VERSION("invalidVers"),
    SENSITIVE("sensitive"),
    INVALID_CURSOR("invalidCursor");

    private final String wireName;

    ScimType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ScimType fromWireName(String name) {
        for (ScimType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown scimType " + name);
    }
}
