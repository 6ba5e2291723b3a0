package io.scimsync.ingress.scim;

import io.scimsync.schemas.error.ScimException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags of resources, {@code W/"<version>"}, and the {@code If-Match} and
 * {@code If-None-Match} preconditions of RFC 9110 §13 on them, also for the {@code version} of
 * a bulk operation. Weak and strong spellings of a tag compare equal, as SCIM clients send either.
 */
public final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"([^\"]*)\"\\s*(?:,|$)");

    private EntityTags() {
    }

    /**
     * The version an {@code If-Match} header requires, or null when there is no header or it is
     * {@code *} (any existing version).
     *
     * @throws ScimException 400 for a malformed header or several tags, 412 for a tag that is not
     *     one of ours and so matches no version
     */
    public static Long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        List<String> tags = parse(ifMatch, "If-Match");
        if (tags.size() != 1) {
            throw ScimException.invalidValue("If-Match names " + tags.size()
                    + " entity tags; send the one ETag of the resource as read");
        }
        try {
            return Long.parseLong(tags.get(0));
        } catch (NumberFormatException e) {
            throw ScimException.preconditionFailed("If-Match " + ifMatch
                    + " matches no version of the resource; read it again and retry");
        }
    }

    /** Whether an {@code If-None-Match} header matches the resource at {@code version}. */
    static boolean noneMatchMatches(String ifNoneMatch, long version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        return parse(ifNoneMatch, "If-None-Match").contains(Long.toString(version));
    }

    private static List<String> parse(String header, String name) {
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(header);
        int end = 0;
        while (end < header.length() && matcher.find(end) && matcher.start() == end) {
            tags.add(matcher.group(1));
            end = matcher.end();
        }
        if (end != header.length() || tags.isEmpty()) {
            throw ScimException.invalidValue(name + " header " + header + " is not a list of"
                    + " entity tags such as W/\"3\"");
        }
        return tags;
    }
}
