package io.scimsync.ingress.ops;

import io.scimsync.ingress.admin.AdminInputException;
import io.scimsync.store.safeguard.ParkedChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** How the ops API shows set-aside changes, and how it reads the ids an operator names. */
final class ParkedChangeViews {

    /** The most changes one listing returns; {@code total} says how many there are. */
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
     * Returns the ids of an approve, reject or similar body {@code {"ids": [...]}}, or null when
     * the body is absent or has no {@code ids}, which means every change.
     *
     * @throws AdminInputException when the body or {@code ids} has the wrong shape
     */
    static List<String> ids(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw new AdminInputException("body", "send {\"ids\": [...]} or no body for every change");
        }
        JsonNode ids = body.get("ids");
        if (ids == null || ids.isNull()) {
            return null;
        }
        if (!ids.isArray()) {
            throw new AdminInputException("ids", "ids must be an array of change ids");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isString() || id.stringValue().isBlank()) {
                throw new AdminInputException("ids", "ids must hold change ids as strings");
            }
            result.add(id.stringValue());
        }
        return result;
    }
}
