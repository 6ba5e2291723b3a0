package io.scimsync.schemas.resource;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.ResolvedAttribute;
import io.scimsync.schemas.model.Returned;
import io.scimsync.schemas.model.SchemaDefinition;
import io.scimsync.schemas.model.SchemaRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters of RFC 7644 §3.4.2.5,
 * applied to a resource together with each attribute's {@code returned} characteristic:
 *
 * <ul>
 *   <li>{@code always} attributes ({@code id}, {@code userName} of users, {@code displayName} of
 *       groups) and {@code schemas} are in every response; {@code never} attributes
 *       ({@code password}) are in none;
 *   <li>{@code default} attributes are returned unless {@code excludedAttributes} names them, or
 *       {@code attributes} is given and does not name them;
 *   <li>{@code request} attributes are returned only when {@code attributes} names them.
 * </ul>
 *
 * <p>Names are comma-separated and matched ignoring case. A name may be a sub-attribute
 * ({@code name.givenName}, {@code emails.value}), may carry a schema URN
 * ({@code urn:ietf:params:scim:schemas:core:2.0:User:userName}), and may be an extension URN,
 * which selects the whole extension object. Names that no schema defines are ignored. When both
 * parameters are given, {@code attributes} wins and {@code excludedAttributes} is ignored: RFC
 * 7644 §3.4.2.5 makes them alternatives without saying what happens when both arrive.
 */
public final class Projection {

    private enum Mode { ALL, INCLUDE, EXCLUDE }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TOP_LEVEL = "";

    private final Mode mode;
    private final List<String> names;
    private final SchemaRegistry registry;

    private Projection(Mode mode, List<String> names, SchemaRegistry registry) {
        this.mode = mode;
        this.names = names;
        this.registry = registry;
    }

    /** Returns the projection of the two query parameters, either of which may be null. */
    public static Projection of(String attributes, String excludedAttributes) {
        return of(attributes, excludedAttributes, SchemaRegistry.standard());
    }

    /** Returns the projection of the two query parameters on the schemas of {@code registry}. */
    public static Projection of(
            String attributes, String excludedAttributes, SchemaRegistry registry) {
        List<String> included = split(attributes);
        if (!included.isEmpty()) {
            return new Projection(Mode.INCLUDE, included, registry);
        }
        List<String> excluded = split(excludedAttributes);
        return new Projection(excluded.isEmpty() ? Mode.ALL : Mode.EXCLUDE, excluded, registry);
    }

    /** Returns a copy of {@code resource} with only the attributes this projection returns. */
    public ObjectNode apply(ResourceType type, ObjectNode resource) {
        List<Selected> selected = select(type);
        ObjectNode projected = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : resource.properties()) {
            JsonNode value = projectTopLevel(type, selected, entry.getKey(), entry.getValue());
            if (value != null) {
                projected.set(entry.getKey(), value);
            }
        }
        dropSchemasWithoutData(projected);
        return projected;
    }

    /**
     * Keeps in {@code schemas} only the core schema and the extensions whose data the projected
     * resource still has, so that {@code schemas} describes what the client receives.
     */
    private static void dropSchemasWithoutData(ObjectNode projected) {
        JsonNode schemas = projected.get("schemas");
        if (schemas == null || !schemas.isArray()) {
            return;
        }
        var remaining = NODES.arrayNode();
        for (JsonNode schema : schemas) {
            String urn = schema.asString("");
            if (!projected.has(urn) && isExtensionOf(projected, urn)) {
                continue;
            }
            remaining.add(schema);
        }
        projected.set("schemas", remaining);
    }

    /** Whether {@code urn} was listed because the resource had data under it as a key. */
    private static boolean isExtensionOf(ObjectNode projected, String urn) {
        return urn.regionMatches(true, 0, "urn:", 0, 4) && !urn.contains(":core:");
    }

    /**
     * Returns whether no resource type would return {@code attributeName} under this projection,
     * so that a caller can skip loading it: {@code true} for {@code members} when
     * {@code excludedAttributes=members}, or when {@code attributes} is given without
     * {@code members} or one of its sub-attributes.
     */
    public boolean excludes(String attributeName) {
        return Arrays.stream(ResourceType.values()).allMatch(type -> excludes(type, attributeName));
    }

    /**
     * Returns whether resources of {@code type} are returned without {@code attributeName}, which
     * may name a sub-attribute. An attribute that {@code type} does not have is excluded.
     */
    public boolean excludes(ResourceType type, String attributeName) {
        Optional<ResolvedAttribute> resolved = registry.resolve(type, attributeName);
        if (resolved.isEmpty()) {
            return true;
        }
        Predicate<AttributeDefinition> returnedSubs =
                returnedSubs(select(type), containerOf(resolved.get()), resolved.get().attribute());
        AttributeDefinition sub = resolved.get().subAttribute();
        return returnedSubs == null || (sub != null && !returnedSubs.test(sub));
    }

    private JsonNode projectTopLevel(
            ResourceType type, List<Selected> selected, String key, JsonNode value) {
        if (key.equals("schemas")) {
            return value;
        }
        Optional<String> extension = registry.extensionUrn(type, key);
        if (extension.isPresent()) {
            SchemaDefinition schema = registry.schema(extension.get()).orElseThrow();
            return projectContainer(selected, extension.get(), schema.attributes(), value);
        }
        if (key.regionMatches(true, 0, "urn:", 0, 4)) {
            return projectUnknown(selected, key.toLowerCase(Locale.ROOT), value);
        }
        Optional<AttributeDefinition> attribute =
                registry.resolve(type, key).map(ResolvedAttribute::attribute);
        return attribute.isPresent()
                ? projectAttribute(selected, TOP_LEVEL, attribute.get(), value)
                : projectUnknown(selected, key.toLowerCase(Locale.ROOT), value);
    }

    private JsonNode projectContainer(List<Selected> selected, String container,
            List<AttributeDefinition> attributes, JsonNode values) {
        if (!values.isObject()) {
            return values;
        }
        ObjectNode projected = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : values.properties()) {
            Optional<AttributeDefinition> attribute = attributes.stream()
                    .filter(candidate -> candidate.name().equalsIgnoreCase(entry.getKey()))
                    .findFirst();
            JsonNode value = attribute.isPresent()
                    ? projectAttribute(selected, container, attribute.get(), entry.getValue())
                    : projectUnknown(selected, container, entry.getValue());
            if (value != null) {
                projected.set(entry.getKey(), value);
            }
        }
        return projected.isEmpty() ? null : projected;
    }

    private JsonNode projectUnknown(List<Selected> selected, String key, JsonNode value) {
        return switch (mode) {
            case ALL -> value;
            case INCLUDE -> isWholeSelected(selected, key, null) ? value : null;
            case EXCLUDE -> isWholeSelected(selected, key, null) ? null : value;
        };
    }

    private JsonNode projectAttribute(List<Selected> selected, String container,
            AttributeDefinition attribute, JsonNode value) {
        Predicate<AttributeDefinition> returnedSubs = returnedSubs(selected, container, attribute);
        return returnedSubs == null ? null : keepSubs(attribute, value, returnedSubs);
    }

    /** Returns which sub-attributes are returned, or null when the attribute is not returned. */
    private Predicate<AttributeDefinition> returnedSubs(
            List<Selected> selected, String container, AttributeDefinition attribute) {
        Returned returned = attribute.returned();
        if (returned == Returned.NEVER) {
            return null;
        }
        if (returned == Returned.ALWAYS) {
            return Projection::notNever;
        }
        boolean whole = isWholeSelected(selected, container, attribute.name());
        Set<String> subs = selectedSubs(selected, container, attribute.name());
        return switch (mode) {
            case ALL -> returned == Returned.REQUEST ? null : Projection::returnedByDefault;
            case INCLUDE -> includedSubs(whole, subs);
            case EXCLUDE -> whole || returned == Returned.REQUEST
                    ? null
                    : sub -> returnedByDefault(sub) && !subs.contains(sub.name());
        };
    }

    private static Predicate<AttributeDefinition> includedSubs(boolean whole, Set<String> subs) {
        if (whole) {
            return Projection::notNever;
        }
        if (subs.isEmpty()) {
            return null;
        }
        return sub -> subs.contains(sub.name()) || sub.returned() == Returned.ALWAYS;
    }

    private static boolean notNever(AttributeDefinition sub) {
        return sub.returned() != Returned.NEVER;
    }

    private static boolean returnedByDefault(AttributeDefinition sub) {
        return sub.returned() == Returned.ALWAYS || sub.returned() == Returned.DEFAULT;
    }

    private static JsonNode keepSubs(
            AttributeDefinition attribute, JsonNode value, Predicate<AttributeDefinition> keep) {
        if (!attribute.isComplex()) {
            return value;
        }
        if (!value.isArray()) {
            return keepSubsOfValue(attribute, value, keep);
        }
        ArrayNode projected = NODES.arrayNode();
        for (JsonNode element : value) {
            JsonNode projectedElement = keepSubsOfValue(attribute, element, keep);
            if (projectedElement != null) {
                projected.add(projectedElement);
            }
        }
        return projected.isEmpty() ? null : projected;
    }

    private static JsonNode keepSubsOfValue(
            AttributeDefinition attribute, JsonNode value, Predicate<AttributeDefinition> keep) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode projected = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            boolean returned = attribute.subAttribute(entry.getKey()).map(keep::test).orElse(true);
            if (returned) {
                projected.set(entry.getKey(), entry.getValue());
            }
        }
        return projected.isEmpty() ? null : projected;
    }

    /** One resolved name of the parameter; a null attribute selects the whole container. */
    private record Selected(String container, String attribute, String subAttribute) {
    }

    private List<Selected> select(ResourceType type) {
        List<Selected> selected = new ArrayList<>();
        for (String name : names) {
            Optional<String> extension = registry.extensionUrn(type, name);
            Optional<ResolvedAttribute> resolved = registry.resolve(type, name);
            if (extension.isPresent()) {
                selected.add(new Selected(extension.get(), null, null));
            } else if (resolved.isPresent()) {
                selected.add(toSelected(resolved.get()));
            } else if (name.regionMatches(true, 0, "urn:", 0, 4)) {
                selected.add(new Selected(name.toLowerCase(Locale.ROOT), null, null));
            }
        }
        return selected;
    }

    private static Selected toSelected(ResolvedAttribute resolved) {
        String sub = resolved.subAttribute() == null ? null : resolved.subAttribute().name();
        return new Selected(containerOf(resolved), resolved.attribute().name(), sub);
    }

    private static String containerOf(ResolvedAttribute resolved) {
        return resolved.inExtension() ? resolved.extensionUrn() : TOP_LEVEL;
    }

    private static boolean isWholeSelected(
            List<Selected> selected, String container, String attribute) {
        return selected.stream().anyMatch(s -> s.container().equals(container)
                && (s.attribute() == null || isWholeAttribute(s, attribute)));
    }

    private static boolean isWholeAttribute(Selected selected, String attribute) {
        return selected.attribute().equals(attribute) && selected.subAttribute() == null;
    }

    private static boolean isSelected(List<Selected> selected, String container, String attribute) {
        return isWholeSelected(selected, container, attribute)
                || !selectedSubs(selected, container, attribute).isEmpty();
    }

    private static Set<String> selectedSubs(
            List<Selected> selected, String container, String attribute) {
        return selected.stream()
                .filter(s -> s.container().equals(container) && attribute.equals(s.attribute()))
                .map(Selected::subAttribute)
                .filter(sub -> sub != null)
                .collect(Collectors.toSet());
    }

    private static List<String> split(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        return Arrays.stream(parameter.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList();
    }
}
