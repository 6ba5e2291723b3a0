package io.scimsync.schemas.profile;

import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.filter.ValueFilters;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.ResolvedAttribute;
import io.scimsync.schemas.resource.AttributeValues;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives a user's directory profile from the user's SCIM attributes and the tenant's
 * {@link ProfileMapping}. Each field takes the value of the first of its paths that has one. A
 * path into a multi-valued attribute takes the first value that its value filter, if any,
 * matches. Whitespace-only strings count as no value. A field without a value
 * is absent from the profile.
 *
 * <pre>
 * {"principalName": "alice@contoso.example", "displayName": "Alice Example",
 *  "email": "alice@contoso.example", "active": true, "managerId": "2819c223-..."}
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ProfileMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Returns the profile of a user.
     *
     * @param userAttributes the canonical SCIM attributes of the user, as the store keeps them:
     *     extension attributes in the object under the extension URN, without {@code id} and
     *     {@code meta}
     * @throws ProfileDerivationException when no path of {@code principalName} has a value, or a
     *     path contains a value of the wrong JSON type for its field ({@code active} takes a
     *     boolean, the other fields strings)
     */
    public ObjectNode derive(ProfileMapping mapping, ObjectNode userAttributes) {
        ObjectNode profile = NODES.objectNode();
        for (ProfileField field : ProfileField.values()) {
            List<MappedPath> paths = mapping.paths(field);
            JsonNode value = firstValue(field, paths, userAttributes);
            if (value != null) {
                profile.set(field.jsonName(), value);
            } else if (field == ProfileField.PRINCIPAL_NAME) {
                throw new ProfileDerivationException(field, "none of its paths "
                        + paths.stream().map(MappedPath::text).toList() + " has a value");
            }
        }
        return profile;
    }

    private static JsonNode firstValue(
            ProfileField field, List<MappedPath> paths, ObjectNode attributes) {
        for (MappedPath path : paths) {
            JsonNode value = valueAt(field, path, attributes);
            if (value != null) {
                return requireKind(field, path, value);
            }
        }
        return null;
    }

    private static JsonNode valueAt(ProfileField field, MappedPath path, ObjectNode attributes) {
        ResolvedAttribute resolved = path.resolved();
        JsonNode container = resolved.inExtension()
                ? attributes.get(resolved.extensionUrn())
                : attributes;
        if (container == null || !container.isObject()) {
            return null;
        }
        JsonNode whole = container.get(resolved.attribute().name());
        if (AttributeValues.isEmpty(whole)) {
            return null;
        }
        for (JsonNode element : whole.isArray() ? whole : List.of(whole)) {
            if (!matchesFilter(field, path, element)) {
                continue;
            }
            JsonNode candidate = subValue(field, path, element);
            if (!AttributeValues.isEmpty(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean matchesFilter(ProfileField field, MappedPath path, JsonNode element) {
        if (path.valueFilter() == null) {
            return true;
        }
        if (!element.isObject()) {
            return false;
        }
        try {
            return ValueFilters.matches(path.valueFilter(), element, path.resolved().attribute());
        } catch (ScimException e) {
            throw new ProfileDerivationException(field, "the value filter of path '"
                    + path.text() + "' cannot be evaluated: " + e.error().detail());
        }
    }

    private static JsonNode subValue(ProfileField field, MappedPath path, JsonNode element) {
        AttributeDefinition sub = path.resolved().subAttribute();
        if (sub == null) {
            return element;
        }
        if (!element.isObject()) {
            throw new ProfileDerivationException(field, "path '" + path.text() + "' expects '"
                    + path.resolved().attribute().name() + "' to contain objects, but it contains "
                    + article(element));
        }
        return element.get(sub.name());
    }

    private static JsonNode requireKind(ProfileField field, MappedPath path, JsonNode value) {
        boolean fits = field.kind() == ProfileField.ValueKind.BOOLEAN
                ? value.isBoolean()
                : value.isString();
        if (!fits) {
            throw new ProfileDerivationException(field, "path '" + path.text() + "' contains "
                    + article(value) + ", but the field takes " + field.kind().description());
        }
        return value;
    }

    /** Names the JSON type of a value with its article, such as "an object", never the value. */
    private static String article(JsonNode value) {
        String type = AttributeValues.jsonTypeName(value);
        return (type.startsWith("o") || type.startsWith("a") ? "an " : "a ") + type;
    }
}
