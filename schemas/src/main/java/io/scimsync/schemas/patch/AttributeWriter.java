package io.scimsync.schemas.patch;

import com.unboundid.scim2.common.filters.Filter;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.Mutability;
import io.scimsync.schemas.model.ResolvedAttribute;
import io.scimsync.schemas.resource.AttributeValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies add, replace and remove to one attribute of a schema, in place on a working copy of a
 * canonical resource. Every value written is canonical ({@link AttributeValues}).
 */
final class AttributeWriter {

    private final ObjectNode resource;

    AttributeWriter(ObjectNode resource) {
        this.resource = resource;
    }

    /**
     * Applies one operation.
     *
     * @param pathless whether the target came from a key of a path-less value, where a read-only
     *     attribute sent back unchanged (such as {@code id}) is skipped
     */
    void apply(PatchOp op, ResolvedAttribute target, Filter filter, JsonNode value,
            boolean pathless) {
        if (isReadOnly(target)) {
            if (pathless && Objects.equals(currentValue(target), value)) {
                return;
            }
            throw ScimException.mutability("attribute '" + target.canonicalPath()
                    + "' is readOnly and cannot be changed");
        }
        if (filter != null) {
            ValueSelection.requireSubAttributes(target.attribute(), filter, attributePath(target));
        }
        if (op == PatchOp.REMOVE) {
            remove(target, filter, value);
        } else {
            write(op, target, filter, value);
        }
        removeEmptyExtension(target);
    }

    private void write(PatchOp op, ResolvedAttribute target, Filter filter, JsonNode value) {
        if (filter != null) {
            writeFiltered(target, filter, value);
        } else if (target.subAttribute() != null) {
            updateEveryValue(target, value, AttributeValues.isEmpty(value));
        } else if (AttributeValues.isEmpty(value)) {
            removeWhole(target);
        } else {
            writeWhole(op, target, value);
        }
    }

    private void remove(ResolvedAttribute target, Filter filter, JsonNode value) {
        ObjectNode container = container(target, false);
        if (container == null || !container.has(target.attribute().name())) {
            return;
        }
        if (filter != null) {
            JsonNode current = container.get(target.attribute().name());
            List<JsonNode> matches = ValueSelection.matching(target.attribute(), current, filter);
            updateValues(target, matches, null);
        } else if (target.subAttribute() != null) {
            updateEveryValue(target, null, true);
        } else if (target.attribute().multiValued() && !AttributeValues.isEmpty(value)) {
            removeValues(target, value);
        } else {
            removeWhole(target);
        }
    }

    private void writeWhole(PatchOp op, ResolvedAttribute target, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        String path = target.canonicalPath();
        ObjectNode container = container(target, true);
        JsonNode existing = container.get(attribute.name());
        JsonNode updated;
        if (attribute.multiValued()) {
            updated = writeValues(op, attribute, existing, value, path);
        } else if (isMergedComplex(attribute, value)) {
            ObjectNode merged = AttributeValues.mergeValue(attribute, existing, value, path);
            updated = AttributeValues.canonicalizeValue(attribute, merged, path);
        } else {
            updated = AttributeValues.canonicalize(attribute, value, path);
        }
        requireImmutableKept(attribute, existing, updated, path);
        setOrRemove(container, attribute.name(), updated);
    }

    /**
     * RFC 7644 §3.5.2.3: a value for a complex attribute replaces the sub-attributes it names and
     * leaves the others. A reference such as {@code manager} is replaced whole instead, because
     * its only stored sub-attribute is the id.
     */
    private static boolean isMergedComplex(AttributeDefinition attribute, JsonNode value) {
        return attribute.isComplex() && value.isObject()
                && !AttributeValues.isResourceReference(attribute);
    }

    private JsonNode writeValues(PatchOp op, AttributeDefinition attribute, JsonNode existing,
            JsonNode value, String path) {
        JsonNode added = AttributeValues.canonicalize(attribute, value, path);
        if (added == null) {
            return op == PatchOp.ADD ? existing : null;
        }
        if (op == PatchOp.REPLACE || existing == null || !existing.isArray()) {
            return added;
        }
        ArrayNode values = (ArrayNode) existing.deepCopy();
        Set<JsonNode> written = identitySet();
        for (JsonNode candidate : added) {
            written.add(addDistinct(attribute, values, candidate, path));
        }
        demoteOtherPrimaries(values, written);
        return values;
    }

    /** Appends {@code candidate}, or merges it into the value it is the same as. */
    private static JsonNode addDistinct(
            AttributeDefinition attribute, ArrayNode values, JsonNode candidate, String path) {
        for (int index = 0; index < values.size(); index++) {
            JsonNode existing = values.get(index);
            if (AttributeValues.sameValue(attribute, existing, candidate)) {
                JsonNode merged = merged(attribute, existing, candidate, path);
                requireImmutableKept(attribute, existing, merged, path);
                values.set(index, merged);
                return merged;
            }
        }
        values.add(candidate);
        return candidate;
    }

    /**
     * Merges {@code candidate} into the existing value it is the same as. Immutable
     * sub-attributes that are set keep their value, so that adding an existing member again with
     * another {@code $ref} changes nothing.
     */
    private static JsonNode merged(
            AttributeDefinition attribute, JsonNode existing, JsonNode candidate, String path) {
        if (!attribute.isComplex()) {
            return existing;
        }
        ObjectNode merged = (ObjectNode) existing.deepCopy();
        for (Map.Entry<String, JsonNode> entry : candidate.properties()) {
            boolean immutable = attribute.subAttribute(entry.getKey())
                    .map(sub -> sub.mutability() == Mutability.IMMUTABLE)
                    .orElse(false);
            if (!immutable || !merged.has(entry.getKey())) {
                merged.set(entry.getKey(), entry.getValue());
            }
        }
        return AttributeValues.canonicalizeValue(attribute, merged, path);
    }

    private void writeFiltered(ResolvedAttribute target, Filter filter, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        ObjectNode container = container(target, true);
        List<JsonNode> matches = ValueSelection.matching(
                attribute, container.get(attribute.name()), filter);
        if (!matches.isEmpty()) {
            updateValues(target, matches, value);
        } else if (!AttributeValues.isEmpty(value)) {
            createValue(target, container, filter, value);
        }
    }

    /**
     * Creates the value that an add or replace on a filtered path addresses when no value
     * matches, as Entra ID expects. For example, {@code emails[type eq "work"].value} on a user
     * without work email adds {@code {"type": "work", "value": ...}}. RFC 7644 §3.5.2.3 requires
     * {@code noTarget} for such a replace, which would leave Entra unable to set the work email.
     */
    private void createValue(
            ResolvedAttribute target, ObjectNode container, Filter filter, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        ObjectNode described =
                ValueSelection.valueDescribedBy(attribute, filter, attributePath(target));
        JsonNode created = changedValue(target, described, value);
        if (created == null) {
            return;
        }
        if (!attribute.multiValued()) {
            container.set(attribute.name(), created);
            return;
        }
        JsonNode existing = container.get(attribute.name());
        ArrayNode values = existing != null && existing.isArray()
                ? (ArrayNode) existing : container.putArray(attribute.name());
        values.add(created);
        Set<JsonNode> written = identitySet();
        written.add(created);
        demoteOtherPrimaries(values, written);
    }

    /**
     * Sets (or, when {@code remove}, removes) the sub-attribute of the target in every value of
     * the attribute; for a multi-valued attribute with no values, a set creates one value.
     */
    private void updateEveryValue(ResolvedAttribute target, JsonNode value, boolean remove) {
        AttributeDefinition attribute = target.attribute();
        ObjectNode container = container(target, !remove);
        if (container == null) {
            return;
        }
        JsonNode current = container.get(attribute.name());
        if (current == null || (current.isArray() && current.isEmpty())) {
            JsonNode created = remove ? null : changedValue(target, null, value);
            setOrRemove(container, attribute.name(), wrap(attribute, created));
            return;
        }
        List<JsonNode> all = current.isArray() ? listOf(current) : List.of(current);
        updateValues(target, all, remove ? null : value);
    }

    /**
     * Replaces each of {@code selected} (values of the target attribute, by identity) with
     * {@link #changedValue}; a value that becomes empty is removed.
     */
    private void updateValues(ResolvedAttribute target, List<JsonNode> selected, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        ObjectNode container = container(target, true);
        JsonNode current = container.get(attribute.name());
        JsonNode updated = attribute.multiValued()
                ? updatedElements(target, current, selected, value)
                : updatedSingleValue(target, current, selected, value);
        setOrRemove(container, attribute.name(), updated);
    }

    private static JsonNode updatedSingleValue(
            ResolvedAttribute target, JsonNode current, List<JsonNode> selected, JsonNode value) {
        JsonNode updated = selected.isEmpty() ? current : changedValue(target, current, value);
        requireImmutableKept(target.attribute(), current, updated, attributePath(target));
        return updated;
    }

    private static ArrayNode updatedElements(
            ResolvedAttribute target, JsonNode current, List<JsonNode> selected, JsonNode value) {
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        Set<JsonNode> written = identitySet();
        for (JsonNode element : current) {
            JsonNode updated = isSelected(selected, element)
                    ? changedValue(target, element, value)
                    : element;
            requireImmutableKept(target.attribute(), element, updated, attributePath(target));
            if (updated != null) {
                values.add(updated);
            }
            if (updated != null && updated != element) {
                written.add(updated);
            }
        }
        demoteOtherPrimaries(values, written);
        return values;
    }

    /**
     * Returns {@code value} of the target's attribute changed by the operation: its
     * sub-attribute set to {@code change} (removed when empty), or, for a target without
     * sub-attribute, the object {@code change} merged in (the value removed when empty).
     */
    private static JsonNode changedValue(
            ResolvedAttribute target, JsonNode value, JsonNode change) {
        AttributeDefinition attribute = target.attribute();
        String path = attributePath(target);
        ObjectNode changed;
        if (target.subAttribute() != null) {
            changed = value != null && value.isObject()
                    ? (ObjectNode) value.deepCopy() : JsonNodeFactory.instance.objectNode();
            JsonNode subValue = AttributeValues.canonicalize(
                    target.subAttribute(), change, target.canonicalPath());
            setOrRemove(changed, target.subAttribute().name(), subValue);
        } else if (AttributeValues.isEmpty(change)) {
            return null;
        } else if (!change.isObject()) {
            throw ScimException.invalidValue("a value of '" + path + "' must be an object, "
                    + "received " + AttributeValues.jsonTypeName(change));
        } else {
            changed = AttributeValues.mergeValue(attribute, value, change, path);
        }
        return AttributeValues.canonicalizeValue(attribute, changed, path);
    }

    private void removeValues(ResolvedAttribute target, JsonNode value) {
        AttributeDefinition attribute = target.attribute();
        String path = target.canonicalPath();
        JsonNode candidates = AttributeValues.canonicalize(attribute, value, path);
        ObjectNode container = container(target, false);
        ArrayNode remaining = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : container.get(attribute.name())) {
            if (candidates == null || !containsSame(attribute, candidates, element)) {
                remaining.add(element);
            }
        }
        setOrRemove(container, attribute.name(), remaining);
    }

    private static boolean containsSame(
            AttributeDefinition attribute, JsonNode candidates, JsonNode element) {
        for (JsonNode candidate : candidates) {
            if (AttributeValues.sameValue(attribute, element, candidate)) {
                return true;
            }
        }
        return false;
    }

    private void removeWhole(ResolvedAttribute target) {
        AttributeDefinition attribute = target.attribute();
        ObjectNode container = container(target, false);
        JsonNode existing = container == null ? null : container.get(attribute.name());
        if (existing == null) {
            return;
        }
        if (attribute.required()) {
            throw ScimException.invalidValue("attribute '" + target.canonicalPath()
                    + "' is required and cannot be removed");
        }
        requireImmutableKept(attribute, existing, null, target.canonicalPath());
        container.remove(attribute.name());
    }

    /**
     * Rejects a change of an immutable value that is set: the attribute itself, or an immutable
     * sub-attribute of a value that stays (a value removed whole is no change of its
     * sub-attributes).
     */
    private static void requireImmutableKept(
            AttributeDefinition attribute, JsonNode before, JsonNode after, String path) {
        if (before == null) {
            return;
        }
        if (attribute.mutability() == Mutability.IMMUTABLE && !before.equals(after)) {
            throw immutable(path);
        }
        if (!attribute.isComplex() || after == null || !before.isObject()) {
            return;
        }
        for (AttributeDefinition sub : attribute.subAttributes()) {
            JsonNode subBefore = before.get(sub.name());
            boolean changed = subBefore != null && !subBefore.equals(after.get(sub.name()));
            if (sub.mutability() == Mutability.IMMUTABLE && changed) {
                throw immutable(path + "." + sub.name());
            }
        }
    }

    private static ScimException immutable(String path) {
        return ScimException.mutability("attribute '" + path + "' is immutable and cannot be "
                + "changed once set; remove the value and add a new one instead");
    }

    /** Sets primary false on the values not written when a written value became primary. */
    private static void demoteOtherPrimaries(ArrayNode values, Set<JsonNode> written) {
        boolean newPrimary = written.stream().anyMatch(AttributeValues::isPrimaryValue);
        if (!newPrimary) {
            return;
        }
        for (JsonNode value : values) {
            if (!written.contains(value) && AttributeValues.isPrimaryValue(value)) {
                ((ObjectNode) value).put("primary", false);
            }
        }
    }

    private static boolean isReadOnly(ResolvedAttribute target) {
        return target.attribute().isReadOnly()
                || (target.subAttribute() != null && target.subAttribute().isReadOnly());
    }

    private JsonNode currentValue(ResolvedAttribute target) {
        ObjectNode container = container(target, false);
        JsonNode value = container == null ? null : container.get(target.attribute().name());
        if (value == null || target.subAttribute() == null) {
            return value;
        }
        return value.get(target.subAttribute().name());
    }

    /** Returns the object that contains the attribute: the resource, or its extension object. */
    private ObjectNode container(ResolvedAttribute target, boolean create) {
        if (!target.inExtension()) {
            return resource;
        }
        JsonNode extension = resource.get(target.extensionUrn());
        if (extension != null && extension.isObject()) {
            return (ObjectNode) extension;
        }
        return create ? resource.putObject(target.extensionUrn()) : null;
    }

    private void removeEmptyExtension(ResolvedAttribute target) {
        ObjectNode container = container(target, false);
        if (target.inExtension() && container != null && container.isEmpty()) {
            resource.remove(target.extensionUrn());
        }
    }

    private static String attributePath(ResolvedAttribute target) {
        ResolvedAttribute attribute =
                new ResolvedAttribute(target.extensionUrn(), target.attribute(), null);
        return attribute.canonicalPath();
    }

    private static JsonNode wrap(AttributeDefinition attribute, JsonNode value) {
        if (value == null || !attribute.multiValued()) {
            return value;
        }
        return JsonNodeFactory.instance.arrayNode().add(value);
    }

    private static void setOrRemove(ObjectNode container, String name, JsonNode value) {
        if (value == null || (value.isArray() && value.isEmpty())) {
            container.remove(name);
        } else {
            container.set(name, value);
        }
    }

    private static boolean isSelected(List<JsonNode> selected, JsonNode element) {
        return selected.stream().anyMatch(candidate -> candidate == element);
    }

    private static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(values::add);
        return values;
    }

    private static Set<JsonNode> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
