package io.scimsync.ingress.scim.bulk;

import io.scimsync.schemas.ResourceType;
import java.util.Optional;

/**
 * The {@code path} of a bulk operation: a resource endpoint such as {@code /Users}, or one
 * resource such as {@code /Groups/<id>}, whose id may be a reference {@code bulkId:<bulkId>} to
 * the resource a POST of the same request creates.
 *
 * @param id the resource id or reference, or null for the endpoint itself
 */
public record BulkPath(ResourceType type, String id) {

    /** The prefix of a reference to the resource that a POST of the same request creates. */
    public static final String REFERENCE_PREFIX = "bulkId:";

    /**
     * Parses {@code /Users}, {@code /Groups}, {@code /Users/<id>} or {@code /Groups/<id>}, with
     * an optional trailing slash; returns empty for anything else.
     */
    static Optional<BulkPath> parse(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (ResourceType type : ResourceType.values()) {
            String endpoint = type.endpoint();
            if (trimmed.equals(endpoint)) {
                return Optional.of(new BulkPath(type, null));
            }
            if (trimmed.startsWith(endpoint + "/")) {
                String id = trimmed.substring(endpoint.length() + 1);
                return isValidId(id) ? Optional.of(new BulkPath(type, id)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isValidId(String id) {
        return !id.isEmpty() && id.chars().noneMatch(c -> c == '/' || c == '?' || c == '#'
                || Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** Returns the bulkId this path references, if its id is a {@code bulkId:} reference. */
    Optional<String> referencedBulkId() {
        return id != null && id.startsWith(REFERENCE_PREFIX)
                ? Optional.of(id.substring(REFERENCE_PREFIX.length())) : Optional.empty();
    }
}
