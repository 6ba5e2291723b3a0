package io.scimsync.schemas.patch;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.filter.ValueFilters;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.resource.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Selection of the values of a complex attribute by a value filter, such as the
 * {@code [type eq "work"]} of {@code emails[type eq "work"].value}.
 */
final class ValueSelection {

    private ValueSelection() {
    }

    /**
     * Checks that every comparison of {@code filter} names a sub-attribute of {@code attribute}.
     *
     * @throws ScimException {@code invalidPath} naming the first unknown sub-attribute
     */
    static void requireSubAttributes(AttributeDefinition attribute, Filter filter, String path) {
        if (!attribute.isComplex()) {
            throw ScimException.invalidPath("a value filter applies to a complex attribute, and '"
                    + path + "' is not one");
        }
        if (filter.isCombiningFilter()) {
            filter.getCombinedFilters().forEach(f -> requireSubAttributes(attribute, f, path));
        } else if (filter.isNotFilter()) {
            requireSubAttributes(attribute, filter.getInvertedFilter(), path);
        } else {
            requireSubAttribute(attribute, filter.getAttributePath(), path);
        }
    }

    private static void requireSubAttribute(AttributeDefinition attribute, Path filterPath,
            String path) {
        String name = filterPath.size() == 1 ? filterPath.getElement(0).getAttribute() : null;
        if (filterPath.getSchemaUrn() != null || name == null
                || attribute.subAttribute(name).isEmpty()) {
            throw ScimException.invalidPath("the value filter of '" + path + "' compares '"
                    + filterPath + "', which is not a sub-attribute of '" + path + "'");
        }
    }

    /**
     * Returns the values that match {@code filter}, by identity: the matching elements of a
     * multi-valued attribute, or the value of a single-valued complex attribute if it matches.
     */
    static List<JsonNode> matching(AttributeDefinition attribute, JsonNode current, Filter filter) {
        List<JsonNode> matches = new ArrayList<>();
        if (current == null) {
            return matches;
        }
        for (JsonNode value : current.isArray() ? current : List.of(current)) {
            if (value.isObject() && ValueFilters.matches(filter, value, attribute)) {
                matches.add(value);
            }
        }
        return matches;
    }

    /**
     * Returns the value that {@code filter} describes, such as {@code {"type": "work"}} for
     * {@code type eq "work"}, for an add or replace whose filter matches nothing.
     *
     * @throws ScimException {@code noTarget} unless the filter is {@code eq} comparisons joined by
     *     {@code and}, the only filters that describe one value
     */
    static ObjectNode valueDescribedBy(AttributeDefinition attribute, Filter filter, String path) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        addEqualities(attribute, filter, value, path);
        return value;
    }

    private static void addEqualities(
            AttributeDefinition attribute, Filter filter, ObjectNode value, String path) {
        if (filter.getFilterType() == FilterType.AND) {
            filter.getCombinedFilters().forEach(f -> addEqualities(attribute, f, value, path));
            return;
        }
        if (filter.getFilterType() != FilterType.EQUAL || filter.getComparisonValue().isNull()) {
            throw ScimException.noTarget("no value of '" + path + "' matches the filter '" + filter
                    + "', and only 'eq' comparisons joined by 'and' describe a value to create");
        }
        AttributeDefinition sub = attribute
                .subAttribute(filter.getAttributePath().getElement(0).getAttribute())
                .orElseThrow();
        String subPath = path + "." + sub.name();
        JsonNode comparisonValue = filter.getComparisonValue();
        value.set(sub.name(), AttributeValues.canonicalize(sub, comparisonValue, subPath));
    }
}
