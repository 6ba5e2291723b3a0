package io.scimsync.schemas.model;

/** The {@code uniqueness} characteristic of RFC 7643 §7. */
public enum Uniqueness {
    NONE("none"),
    SERVER("server"),
    GLOBAL("global");

    private final String wireName;

    Uniqueness(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Returns the uniqueness whose wire name equals {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException if no uniqueness has that name
     */
    public static Uniqueness fromWireName(String name) {
        for (Uniqueness uniqueness : values()) {
            if (uniqueness.wireName.equalsIgnoreCase(name)) {
                return uniqueness;
            }
        }
        throw new IllegalArgumentException("unknown uniqueness '" + name + "'");
    }
}
