package io.scimsync.schemas.profile;

import com.unboundid.scim2.common.filters.Filter;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.filter.ScimFilters;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.AttributeType;
import io.scimsync.schemas.model.ResolvedAttribute;
import io.scimsync.schemas.model.Returned;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.resource.AttributeValues;
import io.scimsync.schemas.syntax.AttributePath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads and checks the JSON form of a {@link ProfileMapping} against the User schemas. */
final class MappingReader {

    /** Paths one field may list; a longer fallback chain is a mistake rather than a need. */
    static final int MAX_PATHS_PER_FIELD = 10;

    private static final String FIELDS = "fields";
    private static final Set<AttributeType> STRING_TYPES = Set.of(AttributeType.STRING,
            AttributeType.REFERENCE, AttributeType.DATE_TIME, AttributeType.BINARY);

    private final SchemaRegistry registry;

    MappingReader(SchemaRegistry registry) {
        this.registry = registry;
    }

    ProfileMapping read(JsonNode json) {
        JsonNode fieldsJson = fieldsObject(json);
        Map<ProfileField, List<MappedPath>> fields = new EnumMap<>(ProfileField.class);
        for (Map.Entry<String, JsonNode> entry : fieldsJson.properties()) {
            ProfileField field = profileField(entry.getKey());
            fields.put(field, paths(field, entry.getValue()));
        }
        if (fields.getOrDefault(ProfileField.PRINCIPAL_NAME, List.of()).isEmpty()) {
            throw new InvalidMappingException(jsonField(ProfileField.PRINCIPAL_NAME),
                    "principalName needs at least one attribute path, such as [\"userName\"]:"
                            + " every profile has a principal name");
        }
        return new ProfileMapping(fields);
    }

    private static JsonNode fieldsObject(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidMappingException("body", "the mapping must be a JSON object "
                    + "{\"fields\": {...}}, received " + AttributeValues.jsonTypeName(json));
        }
        for (String name : json.propertyNames()) {
            if (!name.equals(FIELDS)) {
                throw new InvalidMappingException(name, "unknown field '" + name
                        + "': a mapping has only 'fields'");
            }
        }
        JsonNode fieldsJson = json.get(FIELDS);
        if (fieldsJson == null || !fieldsJson.isObject()) {
            throw new InvalidMappingException(FIELDS, "fields must be an object of profile "
                    + "fields, each with a list of attribute paths, received "
                    + AttributeValues.jsonTypeName(fieldsJson));
        }
        return fieldsJson;
    }

    private static ProfileField profileField(String name) {
        return ProfileField.fromJsonName(name).orElseThrow(() -> new InvalidMappingException(
                FIELDS + "." + name, "unknown profile field '" + name + "'; the profile fields"
                        + " are " + Arrays.stream(ProfileField.values())
                                .map(ProfileField::jsonName).toList()));
    }

    private List<MappedPath> paths(ProfileField field, JsonNode array) {
        String jsonField = jsonField(field);
        if (!array.isArray()) {
            throw new InvalidMappingException(jsonField, jsonField + " must be an array of "
                    + "attribute paths, received " + AttributeValues.jsonTypeName(array));
        }
        if (array.size() > MAX_PATHS_PER_FIELD) {
            throw new InvalidMappingException(jsonField, jsonField + " lists " + array.size()
                    + " attribute paths; at most " + MAX_PATHS_PER_FIELD + " are allowed");
        }
        List<MappedPath> paths = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            paths.add(mappedPath(field, array.get(index), jsonField + "[" + index + "]"));
        }
        return paths;
    }

    private MappedPath mappedPath(ProfileField field, JsonNode entry, String jsonField) {
        if (!entry.isString()) {
            throw new InvalidMappingException(jsonField, jsonField + " must be a string (a SCIM "
                    + "attribute path), received " + AttributeValues.jsonTypeName(entry));
        }
        String text = entry.stringValue().strip();
        AttributePath path = parsePath(text, jsonField);
        ResolvedAttribute resolved = resolve(path, text, jsonField);
        Filter valueFilter = path.hasValueFilter() ? valueFilter(text, jsonField) : null;
        requireStored(resolved, text, jsonField);
        requireFittingType(field, resolved, text, jsonField);
        return new MappedPath(text, resolved, valueFilter);
    }

    private static AttributePath parsePath(String text, String jsonField) {
        try {
            return AttributePath.parse(text);
        } catch (ScimException e) {
            throw new InvalidMappingException(jsonField, e.error().detail());
        }
    }

    private ResolvedAttribute resolve(AttributePath path, String text, String jsonField) {
        Optional<ResolvedAttribute> resolved = registry.resolve(ResourceType.USER, path);
        if (resolved.isPresent()) {
            return resolved.get();
        }
        AttributePath parent = new AttributePath(path.schemaUrn(), path.attribute(), null, null);
        Optional<ResolvedAttribute> parentResolved = registry.resolve(ResourceType.USER, parent);
        if (path.subAttribute() != null && parentResolved.isPresent()) {
            AttributeDefinition attribute = parentResolved.get().attribute();
            throw new InvalidMappingException(jsonField, "attribute path '" + text + "': '"
                    + attribute.name() + "' has no sub-attribute '" + path.subAttribute()
                    + "'; its sub-attributes are " + subAttributeNames(attribute));
        }
        throw new InvalidMappingException(jsonField, "attribute path '" + text + "' names no "
                + "attribute of the User schemas (core User and Enterprise User); extension "
                + "attributes take the extension URN as prefix, such as "
                + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'");
    }

    /**
     * Checks the value filter by parsing the path up to its closing bracket as a filter, which
     * yields the filter with the schema's spelling of every sub-attribute, as stored values use.
     */
    private Filter valueFilter(String text, String jsonField) {
        String withFilter = text.substring(0, text.lastIndexOf(']') + 1);
        try {
            return ScimFilters.parse(withFilter, ResourceType.USER, registry).getValueFilter();
        } catch (ScimException e) {
            throw new InvalidMappingException(jsonField, "invalid value filter in attribute path '"
                    + text + "': " + e.error().detail());
        }
    }

    private static void requireStored(ResolvedAttribute resolved, String text, String jsonField) {
        AttributeDefinition target = resolved.target();
        if (resolved.attribute().isReadOnly() || target.isReadOnly()) {
            throw new InvalidMappingException(jsonField, "attribute path '" + text + "' names a"
                    + " read-only attribute, which the service provider sets and the user's"
                    + " stored attributes do not contain; map a client-set attribute instead");
        }
        if (resolved.attribute().returned() == Returned.NEVER
                || target.returned() == Returned.NEVER) {
            throw new InvalidMappingException(jsonField, "attribute path '" + text + "' names an"
                    + " attribute that is never returned, such as a password, so no profile may"
                    + " contain it");
        }
    }

    private static void requireFittingType(
            ProfileField field, ResolvedAttribute resolved, String text, String jsonField) {
        AttributeDefinition target = resolved.target();
        if (target.isComplex()) {
            throw new InvalidMappingException(jsonField, "attribute path '" + text + "' names the"
                    + " complex attribute '" + target.name() + "'; name one of its sub-attributes"
                    + " " + subAttributeNames(target) + ", such as '" + text + "."
                    + target.subAttributes().get(0).name() + "'");
        }
        boolean fits = field.kind() == ProfileField.ValueKind.BOOLEAN
                ? target.type() == AttributeType.BOOLEAN
                : STRING_TYPES.contains(target.type());
        if (!fits) {
            throw new InvalidMappingException(jsonField, "attribute path '" + text + "' names an"
                    + " attribute of type " + target.type().wireName()
                    + ", and profile field '" + field.jsonName() + "' takes "
                    + field.kind().description() + " attribute");
        }
    }

    private static List<String> subAttributeNames(AttributeDefinition attribute) {
        return attribute.subAttributes().stream().map(AttributeDefinition::name).toList();
    }

    private static String jsonField(ProfileField field) {
        return FIELDS + "." + field.jsonName();
    }
}
