package io.scimsync.store.tenant;

import java.text.Normalizer;
import java.util.Locale;

/** Validates and normalises tenant names and token descriptions before they are stored. */
final class TenantInputRules {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 200;

    private TenantInputRules() {
    }

    /** Returns the trimmed name, or raises {@link InvalidTenantInputException}. */
    static String tenantName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidTenantInputException("name",
                    "name is required and must not be blank");
        }
        requireMaxLength("name", trimmed, MAX_NAME_LENGTH);
        requireNoControlCharacters("name", trimmed);
        return trimmed;
    }

    /**
     * Returns the key the unique index compares: the name in Unicode NFC, lower-cased in the root
     * locale.
     */
    static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Returns the trimmed description, null when absent or blank. */
    static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String trimmed = description.strip();
        requireMaxLength("description", trimmed, MAX_DESCRIPTION_LENGTH);
        requireNoControlCharacters("description", trimmed);
        return trimmed;
    }

    private static void requireMaxLength(String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidTenantInputException(field, field + " must be at most " + max
                    + " characters, got " + length);
        }
    }

    private static void requireNoControlCharacters(String field, String value) {
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidTenantInputException(field,
                    field + " must not contain control characters such as line breaks or tabs");
        }
    }
}
