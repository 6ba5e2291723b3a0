package io.scimsync.schemas.model;

/** The {@code mutability} characteristic of RFC 7643 §7. */
public enum Mutability {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    IMMUTABLE("immutable"),
    WRITE_ONLY("writeOnly");

    private final String wireName;

    Mutability(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Returns the mutability whose wire name equals {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException if no mutability has that name
     */
    public static Mutability fromWireName(String name) {
        for (Mutability mutability : values()) {
            if (mutability.wireName.equalsIgnoreCase(name)) {
                return mutability;
            }
        }
        throw new IllegalArgumentException("unknown mutability '" + name + "'");
    }
}
