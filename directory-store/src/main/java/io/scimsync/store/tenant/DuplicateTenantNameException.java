package io.scimsync.store.tenant;

/** A tenant name that another tenant already has, compared case-insensitively. */
public class DuplicateTenantNameException extends RuntimeException {

    public DuplicateTenantNameException(String name, Throwable cause) {
        super("tenant name \"" + name + "\" is already taken (names are compared"
                + " case-insensitively): choose another name", cause);
    }
}
