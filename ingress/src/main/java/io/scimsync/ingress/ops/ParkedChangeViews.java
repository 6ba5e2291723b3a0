package io.scimsync.ingress.ops;

import io.scimsync.ingress.admin.AdminInputException;
import io.scimsync.store.safeguard.ParkedChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Views of set-aside changes for the ops API, and the reader of the ids an operator names. */
final class ParkedChangeViews {

    /** The maximum number of changes one listing returns; {@code total} gives how many there are. */
    static final int MAX_LISTED = 1000;

    private ParkedChangeViews() {
    }

    /**
     * {@code {"id", "resourceType", "resourceId", "operation", <timeField>, "reason"}}; the
     * resource type by its SCIM name, the operation in lower case ({@code patch}).
     */
    static Map<String, Object> summary(ParkedChange change, String timeField) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", change.changeId());
        view.put("resourceType", change.resourceType().scimName());
        view.put("resourceId", change.resourceId());
        view.put("operation", change.operation().name().toLowerCase(Locale.ROOT));
        view.put(timeField, change.parkedAt().toString());
        view.put("reason", change.reason());
        return view;
    }

    /**
     * Returns the ids of an approve, reject or similar body {@code {"ids": [...]}}, each once,
     * in the order given; null when there is no body at all, which means every change.
     *
     * @throws AdminInputException when the body is not an object with exactly an {@code ids}
     *     array of up to {@value #MAX_LISTED} change ids: a typo must never widen a decision
     *     to every change
     */
    static List<String> ids(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw new AdminInputException("body",
                    "send {\"ids\": [...]}, or no body at all to decide every change");
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("ids")) {
                throw new AdminInputException(name, "unknown field '" + name
                        + "'; the body has only \"ids\", or send no body to decide every change");
            }
        }
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray()) {
            throw new AdminInputException("ids", "ids must be an array of change ids;"
                    + " send no body to decide every change");
        }
        Set<String> result = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isString() || id.stringValue().isBlank()) {
                throw new AdminInputException("ids", "ids must hold change ids as strings");
            }
            result.add(id.stringValue());
            if (result.size() > MAX_LISTED) {
                throw new AdminInputException("ids", "ids may name at most " + MAX_LISTED
                        + " changes; decide the rest in another request");
            }
        }
        if (result.isEmpty()) {
            throw new AdminInputException("ids", "ids is empty; name at least one change, or"
                    + " send no body to decide every change");
        }
        return new ArrayList<>(result);
    }
}
