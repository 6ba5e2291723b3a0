package io.scimsync.store.filter;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.AttributeType;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.store.resource.Collections;
import io.scimsync.store.resource.DocumentCodec;
import io.scimsync.store.resource.UniqueKeys;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * Maps the attribute paths of a filter onto the fields of a directory document of one resource
 * type, and converts the filter's values the way those fields are stored.
 */
final class FieldResolver {

    private final SchemaRegistry registry;
    private final ResourceType type;

    FieldResolver(SchemaRegistry registry, ResourceType type) {
        this.registry = registry;
        this.type = type;
    }

    boolean isMembersValue(Path path) {
        return type == ResourceType.GROUP && isCore(path) && !hasValueFilter(path)
                && name(path, 0).equals("members")
                && (path.size() == 1 || path.size() == 2 && name(path, 1).equals("value"));
    }

    /**
     * Whether the path is {@code members[value eq "<id>"]}, which finds the groups of a member
     * like {@code members.value eq "<id>"}.
     */
    boolean isMembersValueFilter(Path path, Filter filter) {
        return type == ResourceType.GROUP && isCore(path) && path.size() == 1
                && name(path, 0).equals("members") && filter instanceof EqualFilter equal
                && equal.getAttributePath().size() == 1
                && equal.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("value");
    }

    /**
     * Group members are stored apart from the group document, so only the lookup of the groups
     * of one member is possible: {@code members.value eq} or {@code members[value eq]}.
     */
    void rejectMembersComparison(Path path) {
        if (type == ResourceType.GROUP && isCore(path) && name(path, 0).equals("members")) {
            throw ScimException.invalidFilter("members can only be filtered with"
                    + " members.value eq \"<id>\" or members[value eq \"<id>\"]");
        }
    }

    boolean hasValueFilter(Path path) {
        return path.size() > 0 && path.getElement(0).getValueFilter() != null;
    }

    /**
     * Resolves a comparison of {@code path} with {@code value}.
     *
     * @param equality whether the comparison is {@code eq}, which may use the unique key field
     */
    ResolvedField resolve(Path path, JsonNode value, boolean equality) {
        rejectMembersComparison(path);
        ResolvedField special = resolveSpecial(path, value, equality);
        if (special != null) {
            return special;
        }
        AttributeDefinition definition = definition(path);
        String fieldPath = canonicalPath(path);
        if (definition.type() == AttributeType.COMPLEX && definition.multiValued()) {
            fieldPath = fieldPath + ".value";
        }
        if (value != null && value.isString() && !definition.caseExact()) {
            return new ResolvedField(Collections.SEARCH + "." + fieldPath, fold(value));
        }
        return new ResolvedField(Collections.ATTRIBUTES + "." + fieldPath, scalar(value));
    }

    /**
     * The document field that orders resources by {@code path}: the lower-cased copy for strings
     * compared without regard to case, the {@code value} of a multi-valued attribute.
     */
    String sortField(Path path) {
        rejectMembersComparison(path);
        ResolvedField special = resolveSpecial(path, null, false);
        if (special != null) {
            return special.name();
        }
        AttributeDefinition definition = definition(path);
        String fieldPath = canonicalPath(path);
        if (definition.type() == AttributeType.COMPLEX && definition.multiValued()) {
            fieldPath = fieldPath + ".value";
        }
        boolean folded = definition.type() == AttributeType.STRING && !definition.caseExact();
        return (folded ? Collections.SEARCH : Collections.ATTRIBUTES) + "." + fieldPath;
    }

    /**
     * Whether the sort field of {@code path} is an array: a multi-valued attribute or its
     * sub-attribute, or the groups of a user.
     */
    boolean isMultiValued(Path path) {
        if (type == ResourceType.USER && isCore(path) && name(path, 0).equals("groups")) {
            return true;
        }
        if (resolveSpecial(path, null, false) != null) {
            return false;
        }
        return definition(arrayPath(path)).multiValued();
    }

    /**
     * Returns a query that applies {@code condition} to one element of the multi-valued
     * attribute {@code field} lies in, as {@code {<array>: {$elemMatch: {<sub-field>: ...}}}}. A
     * field that is the array itself, such as {@code groupIds}, gets the condition on its
     * elements.
     */
    Document sameElement(Path path, ResolvedField field, Document condition) {
        String name = field.name();
        for (String prefix : List.of(Collections.SEARCH, Collections.ATTRIBUTES)) {
            String array = prefix + "." + canonicalPath(arrayPath(path));
            if (name.startsWith(array + ".")) {
                return new Document(array, new Document("$elemMatch",
                        new Document(name.substring(array.length() + 1), condition)));
            }
        }
        return new Document(name, new Document("$elemMatch", condition));
    }

    /** The search-copy field of the multi-valued attribute a value filter applies to. */
    String searchArray(Path path) {
        return Collections.SEARCH + "." + canonicalPath(arrayPath(path));
    }

    /** The comparison a filtered path applies to the matching element, such as {@code value}. */
    Document comparison(Path path, JsonNode value) {
        String subAttribute = path.size() > 1 ? path.getElement(1).getAttribute() : "value";
        String field = definition(arrayPath(path).attribute(subAttribute)).name();
        return new Document(field, value.isString() ? fold(value) : scalar(value));
    }

    /** The {@code $elemMatch} body of a value filter, with fields relative to the element. */
    Document elementQuery(Path path, Filter filter) {
        Path array = arrayPath(path);
        definition(array);
        if (filter instanceof AndFilter and) {
            Document all = new Document();
            for (Filter part : and.getCombinedFilters()) {
                all = all.isEmpty() ? elementQuery(path, part)
                        : FilterQueryTranslator.merge(all, elementQuery(path, part));
            }
            return all;
        }
        if (filter instanceof OrFilter or) {
            List<Document> any = new ArrayList<>();
            or.getCombinedFilters().forEach(part -> any.add(elementQuery(path, part)));
            return new Document("$or", any);
        }
        if (filter instanceof NotFilter not) {
            return new Document("$nor", List.of(elementQuery(path, not.getInvertedFilter())));
        }
        return elementComparison(array, filter);
    }

    private Document elementComparison(Path array, Filter filter) {
        if (filter instanceof PresentFilter present) {
            return new Document(subAttributeName(array, present.getAttributePath()),
                    new Document("$exists", true));
        }
        if (!(filter instanceof ComparisonFilter comparison)) {
            throw ScimException.invalidFilter("unsupported value filter '" + filter + "'");
        }
        String field = subAttributeName(array, comparison.getAttributePath());
        JsonNode raw = comparison.getComparisonValue();
        Object value = raw.isString() ? fold(raw) : scalar(raw);
        if (filter instanceof EqualFilter) {
            return new Document(field, value);
        }
        if (filter instanceof NotEqualFilter) {
            return new Document(field, new Document("$ne", value));
        }
        if (filter instanceof StartsWithFilter && value instanceof String prefix) {
            return new Document(field,
                    new Document("$gte", prefix).append("$lt", prefix + Character.MAX_VALUE));
        }
        if (filter instanceof ContainsFilter && value instanceof String part) {
            return new Document(field, SubstringPatterns.contains(part));
        }
        if (filter instanceof EndsWithFilter && value instanceof String suffix) {
            return new Document(field, SubstringPatterns.endsWith(suffix));
        }
        throw ScimException.invalidFilter("unsupported value filter '" + filter
                + "'; inside brackets use eq, ne, sw, co, ew or pr, and a string with sw, co"
                + " and ew");
    }

    private ResolvedField resolveSpecial(Path path, JsonNode value, boolean equality) {
        if (!isCore(path)) {
            return null;
        }
        String first = name(path, 0);
        if (first.equals("id") && path.size() == 1) {
            return new ResolvedField(Collections.RESOURCE_ID, scalar(value));
        }
        if (first.equals("meta") && path.size() == 2) {
            return metaField(path, value);
        }
        boolean uniqueAttribute = first.equals(
                UniqueKeys.attributeName(type).toLowerCase(Locale.ROOT));
        if (uniqueAttribute && equality && path.size() == 1 && value != null && value.isString()) {
            return new ResolvedField(Collections.UNIQUE_KEY, fold(value));
        }
        if (type == ResourceType.USER && first.equals("groups")
                && (path.size() == 1 || name(path, 1).equals("value"))) {
            return new ResolvedField(Collections.GROUP_IDS, scalar(value));
        }
        return null;
    }

    private ResolvedField metaField(Path path, JsonNode value) {
        String sub = name(path, 1);
        String field = switch (sub) {
            case "created" -> Collections.CREATED;
            case "lastmodified" -> Collections.LAST_MODIFIED;
            default -> throw ScimException.invalidFilter("filtering on 'meta." + sub
                    + "' is not supported; use meta.created or meta.lastModified");
        };
        if (value == null) {
            return new ResolvedField(field, null);
        }
        try {
            return new ResolvedField(field, Date.from(Instant.parse(value.asString())));
        } catch (DateTimeParseException e) {
            throw ScimException.invalidFilter("'meta." + sub + "' needs an RFC 3339 date-time"
                    + " such as \"2026-01-01T00:00:00Z\", got " + value);
        }
    }

    private AttributeDefinition definition(Path path) {
        return registry.attribute(type, registryPath(path)).orElseThrow(() ->
                ScimException.invalidFilter("unknown attribute '" + registryPath(path)
                        + "' in filter for " + type.scimName() + " resources"));
    }

    private String canonicalPath(Path path) {
        StringBuilder canonical = new StringBuilder();
        if (!isCore(path)) {
            canonical.append(DocumentCodec.escapeName(path.getSchemaUrn())).append('.');
        }
        for (int i = 0; i < path.size(); i++) {
            Path prefix = path.subPath(i + 1).withoutFilters();
            canonical.append(i == 0 ? "" : ".").append(definition(prefix).name());
        }
        return canonical.toString();
    }

    private String registryPath(Path path) {
        StringBuilder joined = new StringBuilder();
        if (!isCore(path)) {
            joined.append(path.getSchemaUrn()).append(':');
        }
        for (int i = 0; i < path.size(); i++) {
            joined.append(i == 0 ? "" : ".").append(path.getElement(i).getAttribute());
        }
        return joined.toString();
    }

    private String subAttributeName(Path array, Path relative) {
        String name = relative.getElement(relative.size() - 1).getAttribute();
        return definition(array.attribute(name)).name();
    }

    private static Path arrayPath(Path path) {
        Path root = path.getSchemaUrn() == null ? Path.root() : Path.root(path.getSchemaUrn());
        return root.attribute(path.getElement(0).getAttribute());
    }

    private boolean isCore(Path path) {
        return path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(type.schema());
    }

    private static String name(Path path, int index) {
        return path.getElement(index).getAttribute().toLowerCase(Locale.ROOT);
    }

    private static String fold(JsonNode value) {
        return DocumentCodec.fold(value.stringValue());
    }

    private static Object scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asString();
    }
}
