package io.scimsync.schemas.filter;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition.Builder;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.AttributeType;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates value filters, such as the {@code type eq "work"} of {@code emails[type eq "work"]},
 * against one value of a multi-valued attribute. The evaluation is the UnboundID SCIM 2 SDK's
 * {@link FilterEvaluator}, given the {@code caseExact} characteristic of each sub-attribute.
 * The SDK (version 6.0.0) honours {@code caseExact} only for its string type, so reference and
 * binary sub-attributes are described to it as strings.
 */
public final class ValueFilters {

    private static final Map<AttributeType, Type> SDK_TYPES = Map.of(
            AttributeType.STRING, Type.STRING,
            AttributeType.BOOLEAN, Type.BOOLEAN,
            AttributeType.DECIMAL, Type.DECIMAL,
            AttributeType.INTEGER, Type.INTEGER,
            AttributeType.DATE_TIME, Type.DATETIME,
            AttributeType.BINARY, Type.STRING,
            AttributeType.REFERENCE, Type.STRING,
            AttributeType.COMPLEX, Type.COMPLEX);

    private ValueFilters() {
    }

    /**
     * Returns whether {@code element} matches {@code filter}, comparing strings ignoring case.
     *
     * @throws ScimException {@code invalidFilter} if the filter cannot be applied to the element,
     *     such as {@code gt} on a boolean
     */
    public static boolean matches(Filter filter, JsonNode element) {
        return evaluate(filter, element, new FilterEvaluator());
    }

    /**
     * Returns whether {@code element}, one value of the complex attribute {@code attribute},
     * matches {@code filter}. Strings of sub-attributes with {@code caseExact} true compare
     * exactly, all others ignoring case. Two strings that both parse as date-times compare as
     * instants, whatever the sub-attribute's type, because the SDK compares them so.
     *
     * @throws ScimException {@code invalidFilter} if the filter cannot be applied to the element
     */
    public static boolean matches(Filter filter, JsonNode element, AttributeDefinition attribute) {
        return evaluate(filter, element, new SchemaAwareEvaluator(attribute));
    }

    private static boolean evaluate(Filter filter, JsonNode element, FilterEvaluator evaluator) {
        try {
            return filter.visit(evaluator, element);
        } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
            throw ScimException.invalidFilter("cannot evaluate the value filter '" + filter + "': "
                    + e.getMessage());
        }
    }

    /** Hands the SDK the characteristics of the sub-attribute a comparison names. */
    private static final class SchemaAwareEvaluator extends FilterEvaluator {

        private final AttributeDefinition attribute;

        SchemaAwareEvaluator(AttributeDefinition attribute) {
            this.attribute = attribute;
        }

        @Override
        protected com.unboundid.scim2.common.types.AttributeDefinition getAttributeDefinition(
                Path path) {
            if (path.size() != 1) {
                return null;
            }
            return attribute.subAttribute(path.getElement(0).getAttribute())
                    .map(SchemaAwareEvaluator::toSdkDefinition)
                    .orElse(null);
        }

        private static com.unboundid.scim2.common.types.AttributeDefinition toSdkDefinition(
                AttributeDefinition sub) {
            return new Builder()
                    .setName(sub.name())
                    .setType(SDK_TYPES.get(sub.type()))
                    .setCaseExact(sub.caseExact())
                    .build();
        }
    }
}
