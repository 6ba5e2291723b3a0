package io.scimsync.store.filter;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
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
import io.scimsync.schemas.filter.ScimFilters;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.store.resource.Collections;
import io.scimsync.store.resource.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Turns a parsed SCIM filter into one MongoDB query on the directory documents of a tenant.
 * Values are compared as the attribute's {@code caseExact} requires: case-exact attributes against
 * the stored attributes, the others against the lower-cased search copy. Equalities joined by
 * {@code and} become one flat document, so that {@code userName eq} and {@code id eq} match the
 * unique indexes on {@code (tenantId, uniqueKey)} and {@code (tenantId, resourceId)} exactly, the
 * only shape the embedded store serves from an index.
 *
 * <p>{@code co} and {@code ew} become a {@code $regex} in which every character of the value is
 * escaped ({@link SubstringPatterns}); a real MongoDB serves them by scanning an index's keys
 * rather than a bounded range of them.
 */
@Component
public class FilterQueryTranslator {

    private final SchemaRegistry registry;

    public FilterQueryTranslator(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * The query for the tenant's resources matching {@code filter}; all of them when it is null.
     *
     * @param groupsOfMember the ids of the groups a member belongs to, for {@code members.value}
     */
    public Document toQuery(String tenantId, ResourceType type, Filter filter,
            BiFunction<String, String, List<String>> groupsOfMember) {
        return toQuery(tenantId, type, filter, groupsOfMember, (tenant, group) -> List.of());
    }

    /**
     * The query for the tenant's resources matching {@code filter}, where a user's
     * {@code groups.value eq "<id>"} also matches members of the groups nested in that group.
     *
     * @param nestedGroups the ids of the groups nested in a group, at any depth
     */
    public Document toQuery(String tenantId, ResourceType type, Filter filter,
            BiFunction<String, String, List<String>> groupsOfMember,
            BiFunction<String, String, List<String>> nestedGroups) {
        Document query = new Document(Collections.TENANT, tenantId);
        if (filter == null) {
            return query;
        }
        Document condition = translate(filter,
                new Context(type, tenantId, groupsOfMember, nestedGroups));
        return merge(query, condition);
    }

    /**
     * The sort order for {@code sortBy} (RFC 7644 §3.4.2.3), ties broken by id so that pages are
     * stable; by id alone when {@code sortBy} is null.
     *
     * @throws ScimException {@code invalidValue} for an attribute the type does not have
     */
    public Document toSort(ResourceType type, String sortBy, boolean descending) {
        return toSortOrder(type, sortBy, descending).toSort();
    }

    /**
     * The order for {@code sortBy} as a field and direction, for listings that are read from a
     * position onwards; {@link SortOrder#BY_ID} when {@code sortBy} is null or blank.
     *
     * @throws ScimException {@code invalidValue} for an attribute the type does not have
     */
    public SortOrder toSortOrder(ResourceType type, String sortBy, boolean descending) {
        if (sortBy == null || sortBy.isBlank()) {
            return SortOrder.BY_ID;
        }
        FieldResolver fields = new FieldResolver(registry, type);
        Path path = sortPath(type, sortBy);
        String field = fields.sortField(path);
        if (field.equals(Collections.RESOURCE_ID)) {
            return new SortOrder(null, descending, false);
        }
        return new SortOrder(field, descending, fields.isMultiValued(path));
    }

    private Path sortPath(ResourceType type, String sortBy) {
        try {
            Filter present = ScimFilters.parse(sortBy.strip() + " pr", type, registry);
            return ((PresentFilter) present).getAttributePath();
        } catch (ScimException | ClassCastException e) {
            throw ScimException.invalidValue("sortBy '" + sortBy + "' is not an attribute of "
                    + type.scimName() + " resources; name one such as userName or meta.created");
        }
    }

    private Document translate(Filter filter, Context context) {
        try {
            return filter.visit(new Visitor(context), null);
        } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
            throw ScimException.invalidFilter("invalid filter '" + filter + "': " + e.getMessage());
        }
    }

    /** Joins two conditions: one flat document when their fields differ, else {@code $and}. */
    static Document merge(Document first, Document second) {
        boolean disjoint = second.keySet().stream()
                .noneMatch(key -> key.startsWith("$") || first.containsKey(key));
        if (disjoint && first.keySet().stream().noneMatch(key -> key.startsWith("$"))) {
            Document merged = new Document(first);
            merged.putAll(second);
            return merged;
        }
        return new Document("$and", List.of(first, second));
    }

    private record Context(
            ResourceType type, String tenantId, BiFunction<String, String, List<String>> groups,
            BiFunction<String, String, List<String>> nestedGroups) {
    }

    private final class Visitor implements FilterVisitor<Document, Void> {

        private final Context context;
        private final FieldResolver fields;

        Visitor(Context context) {
            this.context = context;
            this.fields = new FieldResolver(registry, context.type());
        }

        @Override
        public Document visit(EqualFilter filter, Void unused) {
            Path path = filter.getAttributePath();
            if (fields.isMembersValue(path)) {
                return membersQuery(filter);
            }
            if (fields.hasValueFilter(path)) {
                return elementMatch(path, fields.comparison(path, filter.getComparisonValue()));
            }
            ResolvedField field = fields.resolve(path, filter.getComparisonValue(), true);
            if (field.name().equals(Collections.GROUP_IDS) && field.value() instanceof String group) {
                List<String> groups = new ArrayList<>(List.of(group));
                groups.addAll(context.nestedGroups().apply(context.tenantId(), group));
                return groups.size() == 1 ? new Document(field.name(), group)
                        : new Document(field.name(), new Document("$in", groups));
            }
            return new Document(field.name(), field.value());
        }

        @Override
        public Document visit(NotEqualFilter filter, Void unused) {
            return operator(filter, "$ne");
        }

        @Override
        public Document visit(ContainsFilter filter, Void unused) {
            ResolvedField field = stringField(filter, "co");
            return new Document(field.name(), SubstringPatterns.contains((String) field.value()));
        }

        @Override
        public Document visit(StartsWithFilter filter, Void unused) {
            ResolvedField field = stringField(filter, "sw");
            String prefix = (String) field.value();
            Document range = new Document("$gte", prefix).append("$lt", prefix + Character.MAX_VALUE);
            if (fields.isMultiValued(filter.getAttributePath())) {
                // Both bounds must hold for one element: on an array MongoDB matches each
                // operator against any element, so "b@x" and "0@y" together would match "a@".
                return fields.sameElement(filter.getAttributePath(), field, range);
            }
            return new Document(field.name(), range);
        }

        @Override
        public Document visit(EndsWithFilter filter, Void unused) {
            ResolvedField field = stringField(filter, "ew");
            return new Document(field.name(), SubstringPatterns.endsWith((String) field.value()));
        }

        @Override
        public Document visit(PresentFilter filter, Void unused) {
            ResolvedField field = fields.resolve(filter.getAttributePath(), null, false);
            return new Document(field.name(), new Document("$exists", true).append("$ne", null));
        }

        @Override
        public Document visit(GreaterThanFilter filter, Void unused) {
            return operator(filter, "$gt");
        }

        @Override
        public Document visit(GreaterThanOrEqualFilter filter, Void unused) {
            return operator(filter, "$gte");
        }

        @Override
        public Document visit(LessThanFilter filter, Void unused) {
            return operator(filter, "$lt");
        }

        @Override
        public Document visit(LessThanOrEqualFilter filter, Void unused) {
            return operator(filter, "$lte");
        }

        @Override
        public Document visit(AndFilter filter, Void unused)
                throws com.unboundid.scim2.common.exceptions.ScimException {
            Document combined = new Document();
            for (Filter part : filter.getCombinedFilters()) {
                combined = combined.isEmpty() ? part.visit(this, null)
                        : merge(combined, part.visit(this, null));
            }
            return combined;
        }

        @Override
        public Document visit(OrFilter filter, Void unused)
                throws com.unboundid.scim2.common.exceptions.ScimException {
            List<Document> alternatives = new ArrayList<>();
            for (Filter part : filter.getCombinedFilters()) {
                alternatives.add(part.visit(this, null));
            }
            return new Document("$or", alternatives);
        }

        @Override
        public Document visit(NotFilter filter, Void unused)
                throws com.unboundid.scim2.common.exceptions.ScimException {
            return new Document("$nor", List.of(filter.getInvertedFilter().visit(this, null)));
        }

        @Override
        public Document visit(ComplexValueFilter filter, Void unused) {
            Path path = filter.getAttributePath();
            if (fields.isMembersValueFilter(path, filter.getValueFilter())) {
                return membersQuery((EqualFilter) filter.getValueFilter());
            }
            fields.rejectMembersComparison(path);
            return new Document(fields.searchArray(path),
                    new Document("$elemMatch", fields.elementQuery(path, filter.getValueFilter())));
        }

        private ResolvedField stringField(ComparisonFilter filter, String operator) {
            ResolvedField field = fields.resolve(filter.getAttributePath(),
                    filter.getComparisonValue(), false);
            if (!(field.value() instanceof String)) {
                throw ScimException.invalidFilter("'" + operator + "' needs a string value, got "
                        + filter.getComparisonValue() + " in '" + filter + "'");
            }
            return field;
        }

        private Document operator(ComparisonFilter filter, String operator) {
            ResolvedField field = fields.resolve(filter.getAttributePath(),
                    filter.getComparisonValue(), false);
            return new Document(field.name(), new Document(operator, field.value()));
        }

        private Document elementMatch(Path path, Document comparison) {
            Document element = fields.elementQuery(path, path.getElement(0).getValueFilter());
            element.putAll(comparison);
            return new Document(fields.searchArray(path), new Document("$elemMatch", element));
        }

        private Document membersQuery(EqualFilter filter) {
            String memberId = filter.getComparisonValue().asString();
            List<String> groupIds = context.groups().apply(context.tenantId(), memberId);
            return new Document(Collections.RESOURCE_ID, new Document("$in", groupIds));
        }
    }
}
