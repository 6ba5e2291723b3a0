package io.scimsync.schemas.filter;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.AttributeType;
import io.scimsync.schemas.model.ResolvedAttribute;
import io.scimsync.schemas.model.Returned;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.syntax.AttributePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ValueNode;

/**
 * Rebuilds a parsed filter with the canonical attribute paths of one resource type, rejecting
 * what the schemas do not allow. The visitor's parameter is the complex attribute whose values a
 * value filter applies to, or null at the top level.
 */
final class FilterCanonicalizer implements FilterVisitor<Filter, ResolvedAttribute> {

    private static final Set<FilterType> ORDERING = Set.of(FilterType.GREATER_THAN,
            FilterType.GREATER_OR_EQUAL, FilterType.LESS_THAN, FilterType.LESS_OR_EQUAL);
    private static final Set<FilterType> SUBSTRING =
            Set.of(FilterType.CONTAINS, FilterType.STARTS_WITH, FilterType.ENDS_WITH);

    private final ResourceType type;
    private final SchemaRegistry registry;
    private final String filterText;

    FilterCanonicalizer(ResourceType type, SchemaRegistry registry, String filterText) {
        this.type = type;
        this.registry = registry;
        this.filterText = filterText;
    }

    Filter canonicalize(Filter filter) {
        return rebuild(filter, null);
    }

    private Filter rebuild(Filter filter, ResolvedAttribute parent) {
        try {
            return filter.visit(this, parent);
        } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
            throw invalid(e.getMessage());
        }
    }

    @Override
    public Filter visit(EqualFilter filter, ResolvedAttribute parent) {
        return comparison(filter, parent);
    }

    @Override
    public Filter visit(NotEqualFilter filter, ResolvedAttribute parent) {
        return comparison(filter, parent);
    }

    @Override
    public Filter visit(ContainsFilter filter, ResolvedAttribute parent) {
        return comparison(filter, parent);
    }

    @Override
    public Filter visit(StartsWithFilter filter, ResolvedAttribute parent) {
        return comparison(filter, parent);
    }

    @Override
    public Filter visit(EndsWithFilter filter, ResolvedAttribute parent) {
        return comparison(filter, parent);
    }

    @Override
    public Filter visit(PresentFilter filter, ResolvedAttribute parent) {
        ResolvedAttribute resolved = resolve(filter.getAttributePath(), parent);
        return Filter.pr(canonicalPath(resolved, parent));
    }

    @Override
    public Filter visit(GreaterThanFilter filter, ResolvedAttribute parent) {
        return comparison(filter, parent);
    }

    @Override
    public Filter visit(GreaterThanOrEqualFilter filter, ResolvedAttribute parent) {
        return comparison(filter, parent);
    }

    @Override
    public Filter visit(LessThanFilter filter, ResolvedAttribute parent) {
        return comparison(filter, parent);
    }

    @Override
    public Filter visit(LessThanOrEqualFilter filter, ResolvedAttribute parent) {
        return comparison(filter, parent);
    }

    @Override
    public Filter visit(AndFilter filter, ResolvedAttribute parent) {
        return Filter.and(rebuildAll(filter.getCombinedFilters(), parent));
    }

    @Override
    public Filter visit(OrFilter filter, ResolvedAttribute parent) {
        return Filter.or(rebuildAll(filter.getCombinedFilters(), parent));
    }

    @Override
    public Filter visit(NotFilter filter, ResolvedAttribute parent) {
        return Filter.not(rebuild(filter.getInvertedFilter(), parent));
    }

    @Override
    public Filter visit(ComplexValueFilter filter, ResolvedAttribute parent) {
        ResolvedAttribute resolved = resolve(filter.getAttributePath(), parent);
        if (!resolved.target().isComplex() || resolved.subAttribute() != null) {
            throw invalid("a value filter applies to a complex attribute, and '"
                    + resolved.canonicalPath() + "' is not one");
        }
        Filter valueFilter = rebuild(filter.getValueFilter(), resolved);
        return Filter.hasComplexValue(canonicalPath(resolved, null), valueFilter);
    }

    private List<Filter> rebuildAll(List<Filter> filters, ResolvedAttribute parent) {
        List<Filter> rebuilt = new ArrayList<>();
        filters.forEach(filter -> rebuilt.add(rebuild(filter, parent)));
        return rebuilt;
    }

    private Filter comparison(Filter filter, ResolvedAttribute parent) {
        ResolvedAttribute resolved = resolve(filter.getAttributePath(), parent);
        AttributeDefinition target = resolved.target();
        requireComparable(filter.getFilterType(), resolved);
        ValueNode value = comparisonValue(target, resolved, filter.getComparisonValue());
        return ComparisonFilters.create(
                filter.getFilterType(), canonicalPath(resolved, parent), value);
    }

    private void requireComparable(FilterType operator, ResolvedAttribute resolved) {
        AttributeDefinition target = resolved.target();
        String path = resolved.canonicalPath();
        if (target.isComplex()) {
            String example = target.subAttributes().isEmpty()
                    ? "" : ", such as '" + path + "." + target.subAttributes().get(0).name() + "'";
            throw invalid("attribute '" + path + "' is complex; compare one of its sub-attributes"
                    + example);
        }
        if (ORDERING.contains(operator) && isUnordered(target.type())) {
            throw invalid("operator '" + operator.getStringValue() + "' cannot compare the "
                    + target.type().wireName() + " attribute '" + path + "'");
        }
        if (SUBSTRING.contains(operator) && !isText(target.type())) {
            throw invalid("operator '" + operator.getStringValue() + "' needs a string attribute, "
                    + "and '" + path + "' is " + target.type().wireName());
        }
    }

    private static boolean isUnordered(AttributeType type) {
        return type == AttributeType.BOOLEAN || type == AttributeType.BINARY;
    }

    private static boolean isText(AttributeType type) {
        return type == AttributeType.STRING || type == AttributeType.REFERENCE;
    }

    private ValueNode comparisonValue(
            AttributeDefinition target, ResolvedAttribute resolved, ValueNode value) {
        if (target.type() != AttributeType.BOOLEAN || value.isBoolean() || value.isNull()) {
            return value;
        }
        if (value.isString() && isBooleanText(value.asString())) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value.asString()));
        }
        throw invalid("attribute '" + resolved.canonicalPath() + "' is boolean; compare it with "
                + "true or false, not " + value);
    }

    private static boolean isBooleanText(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }

    private ResolvedAttribute resolve(Path path, ResolvedAttribute parent) {
        ResolvedAttribute resolved =
                parent == null ? resolveTopLevel(path) : resolveValue(path, parent);
        if (resolved.target().returned() == Returned.NEVER) {
            throw invalid("attribute '" + resolved.canonicalPath()
                    + "' cannot be used in a filter");
        }
        return resolved;
    }

    private ResolvedAttribute resolveTopLevel(Path path) {
        AttributePath attributePath = toAttributePath(path);
        return registry.resolve(type, attributePath)
                .orElseThrow(() -> invalid("unknown attribute '" + attributePath
                        + "' for resource type " + type.scimName()));
    }

    private ResolvedAttribute resolveValue(Path path, ResolvedAttribute parent) {
        AttributePath attributePath = toAttributePath(path);
        if (attributePath.schemaUrn() != null || attributePath.subAttribute() != null) {
            throw invalid("'" + attributePath + "' is not a sub-attribute of '"
                    + parent.canonicalPath() + "'");
        }
        return parent.target().subAttribute(attributePath.attribute())
                .map(sub -> new ResolvedAttribute(parent.extensionUrn(), parent.attribute(), sub))
                .orElseThrow(() -> invalid("unknown attribute '" + parent.canonicalPath() + "."
                        + attributePath.attribute() + "' for resource type " + type.scimName()));
    }

    private static AttributePath toAttributePath(Path path) {
        String attribute = path.getElement(0).getAttribute();
        String sub = path.size() > 1 ? path.getElement(1).getAttribute() : null;
        return new AttributePath(path.getSchemaUrn(), attribute, null, sub);
    }

    /** Inside a value filter, paths stay relative to the values of the complex attribute. */
    private static Path canonicalPath(ResolvedAttribute resolved, ResolvedAttribute parent) {
        if (parent != null) {
            return Path.root().attribute(resolved.subAttribute().name());
        }
        Path path = resolved.inExtension() ? Path.root(resolved.extensionUrn()) : Path.root();
        path = path.attribute(resolved.attribute().name());
        AttributeDefinition sub = resolved.subAttribute();
        return sub == null ? path : path.attribute(sub.name());
    }

    private ScimException invalid(String problem) {
        return ScimException.invalidFilter("invalid filter '" + filterText + "': " + problem);
    }
}
