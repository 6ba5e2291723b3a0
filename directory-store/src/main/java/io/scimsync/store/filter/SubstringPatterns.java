package io.scimsync.store.filter;

import org.bson.Document;

/**
 * Builds the {@code $regex} conditions of {@code co} and {@code ew} from a literal value. Every
 * ASCII character other than a letter or a digit is preceded by a backslash, which makes it a
 * literal in both PCRE (MongoDB) and {@link java.util.regex.Pattern} (the embedded store);
 * letters, digits and non-ASCII characters are never metacharacters and stay as they are. So no
 * character of the client's value can change the meaning of the pattern.
 *
 * <p>A real MongoDB serves such an unanchored pattern by scanning every key of an index on the
 * field, not a bounded range. {@code sw} stays a range query and is bounded.
 */
final class SubstringPatterns {

    private SubstringPatterns() {
    }

    /** Returns the condition "contains {@code value}". */
    static Document contains(String value) {
        return new Document("$regex", escape(value));
    }

    /**
     * Returns the condition "ends with {@code value}". The anchor {@code \z} is the very end of
     * the value, where {@code $} would also match before a trailing newline.
     */
    static Document endsWith(String value) {
        return new Document("$regex", escape(value) + "\\z");
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() * 2);
        value.codePoints().forEach(codePoint -> {
            if (codePoint < 0x80 && !Character.isLetterOrDigit(codePoint)) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(codePoint);
        });
        return escaped.toString();
    }
}
