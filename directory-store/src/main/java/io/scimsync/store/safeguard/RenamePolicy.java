package io.scimsync.store.safeguard;

import java.util.Locale;

/** The processor's rule for a change of a user's {@code userName}. */
public enum RenamePolicy {
    /** Apply it: the id, groups and profile stay, and downstream services receive a rename. */
    ALLOW,
    /** Reject it with 400 {@code mutability}, for services whose principal name never changes. */
    REJECT;

    /** Returns the name in the ops API: {@code allow} or {@code reject}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidSafeguardException if {@code value} is neither {@code allow} nor
     *     {@code reject}
     */
    public static RenamePolicy fromWireName(String value) {
        for (RenamePolicy policy : values()) {
            if (policy.wireName().equals(value)) {
                return policy;
            }
        }
        throw new InvalidSafeguardException("renamePolicy",
                "renamePolicy must be \"allow\" or \"reject\"");
    }
}
