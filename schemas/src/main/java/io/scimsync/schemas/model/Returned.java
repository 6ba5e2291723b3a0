package io.scimsync.schemas.model;

/** The {@code returned} characteristic of RFC 7643 §7: when a response contains the attribute. */
public enum Returned {
    ALWAYS("always"),
    NEVER("never"),
    DEFAULT("default"),
    REQUEST("request");

    private final String wireName;

    Returned(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Returns the value whose wire name equals {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException if no value has that name
     */
    public static Returned fromWireName(String name) {
        for (Returned returned : values()) {
            if (returned.wireName.equalsIgnoreCase(name)) {
                return returned;
            }
        }
        throw new IllegalArgumentException("unknown returned value '" + name + "'");
    }
}
