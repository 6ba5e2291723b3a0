package io.scimsync.schemas.filter;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import tools.jackson.databind.node.ValueNode;

/** Creates a comparison filter of a given operator, which the SDK offers one factory each for. */
final class ComparisonFilters {

    private ComparisonFilters() {
    }

    static Filter create(FilterType operator, Path path, ValueNode value) {
        return switch (operator) {
            case EQUAL -> Filter.eq(path, value);
            case NOT_EQUAL -> Filter.ne(path, value);
            case CONTAINS -> Filter.co(path, value);
            case STARTS_WITH -> Filter.sw(path, value);
            case ENDS_WITH -> Filter.ew(path, value);
            case GREATER_THAN -> Filter.gt(path, value);
            case GREATER_OR_EQUAL -> Filter.ge(path, value);
            case LESS_THAN -> Filter.lt(path, value);
            case LESS_OR_EQUAL -> Filter.le(path, value);
            default -> throw new IllegalArgumentException(operator + " is not a comparison");
        };
    }
}
