package io.scimsync.schemas.change;

/** What a change does to its resource. */
public enum Operation {
    /** A new resource; the payload is the validated resource body. */
    CREATE,
    /** A full replacement (PUT); the payload is the validated resource body. */
    REPLACE,
    /** A PATCH; the payload is the normalised list of operations. */
    PATCH,
    /** A DELETE; no payload. */
    DELETE
}
