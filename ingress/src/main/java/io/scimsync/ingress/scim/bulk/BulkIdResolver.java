package io.scimsync.ingress.scim.bulk;

import io.scimsync.schemas.error.ScimException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Replaces the {@code bulkId:<bulkId>} references of one bulk request (RFC 7644 §3.7.2) with the
 * ids that the request's POSTs created, as the operations run in request order. A reference is a
 * whole string value: the id in an operation's {@code path}, or any string in its {@code data}
 * at any depth, such as the {@code value} of a group member.
 *
 * <p>A reference that cannot be resolved fails its operation with 409 {@code invalidValue}: a
 * bulkId that no POST of the request has, one whose POST failed, one whose POST comes later in
 * the request, and every POST on a circular reference (RFC 7644 §3.7.1 lets a service provider
 * return 409 for those instead of resolving them). Not thread-safe: one instance serves one request.
 */
final class BulkIdResolver {

    private final Map<String, BulkOperation> posts;
    private final Map<String, List<String>> cycles;
    private final Map<String, String> createdIds = new HashMap<>();
    private final Set<String> failedBulkIds = new HashSet<>();

    private BulkIdResolver(Map<String, BulkOperation> posts, Map<String, List<String>> cycles) {
        this.posts = posts;
        this.cycles = cycles;
    }

    static BulkIdResolver of(List<BulkOperation> operations) {
        Map<String, BulkOperation> posts = new LinkedHashMap<>();
        for (BulkOperation operation : operations) {
            if (operation.method() == BulkMethod.POST) {
                posts.put(operation.bulkId(), operation);
            }
        }
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        posts.forEach((bulkId, post) -> graph.put(bulkId, references(post)));
        return new BulkIdResolver(posts, BulkIdCycles.find(graph));
    }

    /**
     * Returns {@code operation} with its references replaced by the created ids.
     *
     * @throws ScimException 409 {@code invalidValue} for a reference that cannot be resolved
     */
    ResolvedOperation resolve(BulkOperation operation) {
        requireNotOnCycle(operation);
        Map<String, String> ids = new HashMap<>();
        for (String bulkId : references(operation)) {
            ids.put(bulkId, createdId(operation, bulkId));
        }
        String id = operation.path().referencedBulkId().map(ids::get).orElse(operation.path().id());
        ObjectNode data = operation.data() == null ? null : operation.data().deepCopy();
        if (data != null && !ids.isEmpty()) {
            replaceReferences(data, ids);
        }
        return new ResolvedOperation(operation, id, data);
    }

    /** Records the id that the POST {@code operation} created. */
    void created(BulkOperation operation, String id) {
        createdIds.put(operation.bulkId(), id);
    }

    /** Records that {@code operation} failed, so that references to a failed POST fail too. */
    void failed(BulkOperation operation) {
        if (operation.method() == BulkMethod.POST) {
            failedBulkIds.add(operation.bulkId());
        }
    }

    private void requireNotOnCycle(BulkOperation operation) {
        if (operation.method() != BulkMethod.POST || !cycles.containsKey(operation.bulkId())) {
            return;
        }
        String cycle = cycles.get(operation.bulkId()).stream()
                .map(posts::get)
                .sorted(Comparator.comparingInt(BulkOperation::index))
                .map(post -> "'" + post.bulkId() + "' (" + post.field("") + ")")
                .collect(Collectors.joining(", "));
        throw ScimException.unresolvableReference(operation.field("data") + " is part of a"
                + " circular reference between the POSTs of bulkIds " + cycle + "; create these"
                + " resources first and link them with PATCH operations after them");
    }

    private String createdId(BulkOperation operation, String bulkId) {
        String id = createdIds.get(bulkId);
        if (id != null) {
            return id;
        }
        BulkOperation post = posts.get(bulkId);
        String reference = operation.field("") + " references bulkId '" + bulkId + "'";
        if (post == null) {
            throw ScimException.unresolvableReference(reference + ", which no POST of this"
                    + " request has; reference the bulkId of a POST, or use the resource's id");
        }
        if (failedBulkIds.contains(bulkId)) {
            throw ScimException.unresolvableReference(reference + ", but its POST "
                    + post.field("") + " failed, so there is no resource to reference");
        }
        throw ScimException.unresolvableReference(reference + ", whose POST " + post.field("")
                + " comes later; operations run in request order, so put that POST first");
    }

    /** Returns the bulkIds that {@code operation} references, in the order they appear. */
    static Set<String> references(BulkOperation operation) {
        Set<String> bulkIds = new LinkedHashSet<>();
        operation.path().referencedBulkId().ifPresent(bulkIds::add);
        if (operation.data() != null) {
            collectReferences(operation.data(), bulkIds);
        }
        return bulkIds;
    }

    private static void collectReferences(JsonNode node, Set<String> bulkIds) {
        if (node.isString()) {
            referencedBulkId(node.asString()).ifPresent(bulkIds::add);
            return;
        }
        for (JsonNode child : node) {
            collectReferences(child, bulkIds);
        }
    }

    private static Optional<String> referencedBulkId(String value) {
        return value.startsWith(BulkPath.REFERENCE_PREFIX)
                ? Optional.of(value.substring(BulkPath.REFERENCE_PREFIX.length()))
                : Optional.empty();
    }

    private static void replaceReferences(JsonNode node, Map<String, String> ids) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode replaced = replaced(object.get(name), ids);
                if (replaced != null) {
                    object.set(name, replaced);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = replaced(array.get(i), ids);
                if (replaced != null) {
                    array.set(i, replaced);
                }
            }
        }
    }

    /** Returns the id node that replaces a reference, or null after descending into a container. */
    private static JsonNode replaced(JsonNode value, Map<String, String> ids) {
        if (value.isString()) {
            return referencedBulkId(value.asString()).map(ids::get).map(StringNode::valueOf)
                    .orElse(null);
        }
        replaceReferences(value, ids);
        return null;
    }

    /**
     * An operation with its references resolved.
     *
     * @param id the resource id of its path, or null for a POST
     * @param data a copy of its data with the created ids in place of references, or null
     */
    record ResolvedOperation(BulkOperation operation, String id, ObjectNode data) {
    }
}
