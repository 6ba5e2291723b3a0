package io.scimsync.schemas.patch;

import java.util.Optional;

/** The {@code op} of a PATCH operation (RFC 7644 §3.5.2). */
public enum PatchOp {
    ADD("add"),
    REPLACE("replace"),
    REMOVE("remove");

    private final String wireName;

    PatchOp(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name RFC 7644 gives the operation, in lower case. */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the operation called {@code name}, ignoring case: Entra ID sends {@code Add} by
     * default and {@code add} with its {@code aadOptscim062020} flag.
     */
    public static Optional<PatchOp> fromWireName(String name) {
        for (PatchOp op : values()) {
            if (op.wireName.equalsIgnoreCase(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
