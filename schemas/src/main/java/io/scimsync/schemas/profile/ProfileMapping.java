package io.scimsync.schemas.profile;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.model.SchemaRegistry;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules that derive each field of a tenant's directory profiles from a user's SCIM
 * attributes: an ordered list of attribute paths per field, where the first path with a value
 * wins. Its JSON
 * form, as the ops API and the store exchange it:
 *
 * <pre>
 * {"fields": {"principalName": ["userName"],
 *             "displayName": ["displayName", "name.formatted"],
 *             "email": ["emails[type eq \"work\"].value", "emails.value"], ...}}
 * </pre>
 *
 * <p>A field that the JSON omits, or maps to an empty list, is never set in a profile, except
 * {@code principalName}, which every mapping must map. Instances are immutable, checked against
 * the User schemas when parsed, and safe to share between threads.
 */
public final class ProfileMapping {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER + ":";

    /**
     * The mapping of a tenant that has stored none. It mirrors the attributes Entra ID's default
     * attribute mapping fills: {@code userName} from {@code userPrincipalName},
     * {@code emails[type eq "work"].value} from {@code mail}, the enterprise extension's
     * {@code employeeNumber}, {@code department} and {@code manager}.
     */
    public static final ProfileMapping DEFAULT = parse(defaultJson(), SchemaRegistry.standard());

    private final Map<ProfileField, List<MappedPath>> fields;

    ProfileMapping(Map<ProfileField, List<MappedPath>> fields) {
        EnumMap<ProfileField, List<MappedPath>> copy = new EnumMap<>(ProfileField.class);
        fields.forEach((field, paths) -> copy.put(field, List.copyOf(paths)));
        this.fields = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses and checks a mapping in its JSON form.
     *
     * @throws InvalidMappingException naming the JSON field at fault, such as
     *     {@code fields.displayName[1]}: for a body that is not {@code {"fields": {...}}}, an
     *     unknown profile field, an entry that is not a string, an attribute path that is invalid
     *     or names no attribute of the User schemas (also inside its value filter), a path whose
     *     attribute the store does not keep or whose type does not fit the field, and an empty
     *     {@code principalName}
     */
    public static ProfileMapping parse(JsonNode json, SchemaRegistry registry) {
        return new MappingReader(registry).read(json);
    }

    /** Returns the paths of {@code field} in order of precedence; empty when it is not mapped. */
    public List<MappedPath> paths(ProfileField field) {
        return fields.getOrDefault(field, List.of());
    }

    /** Renders the JSON form that {@link #parse} reads, listing unmapped fields as empty lists. */
    public ObjectNode toJson() {
        ObjectNode fieldsJson = NODES.objectNode();
        for (ProfileField field : ProfileField.values()) {
            ArrayNode paths = fieldsJson.putArray(field.jsonName());
            paths(field).forEach(path -> paths.add(path.text()));
        }
        ObjectNode json = NODES.objectNode();
        json.set("fields", fieldsJson);
        return json;
    }

    /** Two mappings are equal when they list the same path texts for every field. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProfileMapping mapping && toJson().equals(mapping.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    private static ObjectNode defaultJson() {
        ObjectNode fieldsJson = NODES.objectNode();
        put(fieldsJson, ProfileField.PRINCIPAL_NAME, "userName");
        put(fieldsJson, ProfileField.DISPLAY_NAME, "displayName", "name.formatted");
        put(fieldsJson, ProfileField.GIVEN_NAME, "name.givenName");
        put(fieldsJson, ProfileField.FAMILY_NAME, "name.familyName");
        put(fieldsJson, ProfileField.EMAIL, "emails[type eq \"work\"].value",
                "emails[primary eq true].value", "emails.value");
        put(fieldsJson, ProfileField.ACTIVE, "active");
        put(fieldsJson, ProfileField.EXTERNAL_ID, "externalId");
        put(fieldsJson, ProfileField.EMPLOYEE_NUMBER, ENTERPRISE + "employeeNumber");
        put(fieldsJson, ProfileField.DEPARTMENT, ENTERPRISE + "department");
        put(fieldsJson, ProfileField.MANAGER_ID, ENTERPRISE + "manager.value");
        ObjectNode json = NODES.objectNode();
        json.set("fields", fieldsJson);
        return json;
    }

    private static void put(ObjectNode fieldsJson, ProfileField field, String... paths) {
        ArrayNode array = fieldsJson.putArray(field.jsonName());
        for (String path : paths) {
            array.add(path);
        }
    }
}
