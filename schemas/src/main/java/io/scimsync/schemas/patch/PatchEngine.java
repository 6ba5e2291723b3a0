package io.scimsync.schemas.patch;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.resource.ResourceValidator;
import io.scimsync.schemas.syntax.AttributePath;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a canonical resource, atomically: the result has
 * every operation applied, or {@code apply} throws and nothing changed. The input is never
 * modified.
 *
 * <p>Semantics, including what Entra ID sends in both of its dialects:
 *
 * <ul>
 *   <li>targets: simple, complex and sub-attribute paths ({@code name.givenName}), value-filtered
 *       paths ({@code emails[type eq "work"].value}), URN-qualified paths, a whole extension
 *       ({@code urn:...:enterprise:2.0:User}), and path-less add or replace whose value keys are
 *       any of these;
 *   <li>add or replace on a filtered path that matches nothing creates the value the filter
 *       describes ({@code {"type": "work", "locality": ...}}), so several operations on one filter
 *       land in one value; a filter that is not {@code eq} joined by {@code and} gives
 *       {@code noTarget};
 *   <li>add on a multi-valued attribute appends, merging a value into the existing value it is
 *       the same as ({@link io.scimsync.schemas.resource.AttributeValues#sameValue}); replace
 *       without filter replaces the whole array; a value set to primary makes the others
 *       non-primary;
 *   <li>add or replace on a complex attribute sets the sub-attributes it names and keeps the
 *       others, except the enterprise {@code manager}, which is replaced and stored as
 *       {@code {"value": id}} whatever shape arrives;
 *   <li>a {@code ""} or {@code null} value clears the target;
 *   <li>remove takes the whole attribute, a sub-attribute, the values a filter matches, or, with
 *       a value array on a multi-valued attribute, the values that are the same as one of them. A
 *       filter that matches nothing removes nothing and succeeds: RFC 7644 §3.5.2.2 requires
 *       {@code noTarget} only when the path is missing, and Entra expects success when it removes
 *       a member that is already gone;
 *   <li>an attribute under a URN that no schema of this service defines is written as sent.
 * </ul>
 *
 * <p>Errors are {@code mutability} for a change of a readOnly attribute ({@code id}, {@code meta},
 * {@code groups}) or of an immutable value that is set ({@code members.value}), {@code invalidPath}
 * for an attribute the resource type does not have, and {@code invalidValue} for a wrong type,
 * removing a required attribute or two primary values. A path-less value may repeat the current
 * value of a readOnly attribute, which is then skipped. Each detail starts with the failing
 * operation, such as {@code Operations[2]}.
 *
 * <p>The result passes {@link ResourceValidator}, so its {@code schemas} lists an extension URN
 * exactly when the extension object is present. Read-only attributes of the input ({@code id},
 * {@code meta}, {@code groups}) are carried over unchanged.
 */
public final class PatchEngine {

    private final SchemaRegistry registry;
    private final ResourceValidator validator;

    public PatchEngine(SchemaRegistry registry) {
        this.registry = registry;
        this.validator = new ResourceValidator(registry);
    }

    /**
     * Returns a new resource with {@code operations} applied in order.
     *
     * @param resource a canonical resource as {@link ResourceValidator} returns it, with its
     *     read-only attributes
     * @throws ScimException when an operation cannot be applied or the result is invalid
     */
    public ObjectNode apply(
            ResourceType type, ObjectNode resource, List<PatchOperation> operations) {
        ObjectNode working = resource.deepCopy();
        OperationApplier applier = new OperationApplier(registry, type, working);
        for (int index = 0; index < operations.size(); index++) {
            applyOne(applier, operations.get(index), index);
        }
        return withReadOnlyAttributes(type, resource, validatePatched(type, working));
    }

    private static void applyOne(OperationApplier applier, PatchOperation operation, int index) {
        try {
            applier.apply(operation);
        } catch (ScimException e) {
            String path = operation.path() == null ? "" : " " + operation.path();
            throw withDetailPrefix(e, "Operations[" + index + "] (" + operation.op().wireName()
                    + path + "): ");
        }
    }

    private ObjectNode validatePatched(ResourceType type, ObjectNode patched) {
        try {
            return validator.validate(type, patched);
        } catch (ScimException e) {
            throw withDetailPrefix(e, "the patched resource is invalid: ");
        }
    }

    private static ScimException withDetailPrefix(ScimException e, String prefix) {
        ScimError error = e.error();
        return new ScimException(new ScimError(error.status(), error.scimType(),
                prefix + error.detail()));
    }

    /** Orders the result: {@code schemas}, {@code id}, attributes, read-only ones, {@code meta}. */
    private ObjectNode withReadOnlyAttributes(
            ResourceType type, ObjectNode original, ObjectNode canonical) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("schemas", canonical.get("schemas"));
        copyIfPresent(original, "id", result);
        for (Map.Entry<String, JsonNode> entry : canonical.properties()) {
            result.set(entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, JsonNode> entry : original.properties()) {
            if (isOtherReadOnly(type, entry.getKey())) {
                result.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
        copyIfPresent(original, "meta", result);
        return result;
    }

    private boolean isOtherReadOnly(ResourceType type, String key) {
        if (key.equals("id") || key.equals("meta") || key.regionMatches(true, 0, "urn:", 0, 4)) {
            return false;
        }
        return registry.resolve(type, new AttributePath(null, key, null, null))
                .map(resolved -> resolved.attribute().isReadOnly())
                .orElse(false);
    }

    private static void copyIfPresent(ObjectNode source, String name, ObjectNode target) {
        JsonNode value = source.get(name);
        if (value != null) {
            target.set(name, value.deepCopy());
        }
    }
}
