package io.scimsync.store.resource;

import static io.scimsync.store.resource.Collections.RESOURCE_ID;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Builds the range condition "after this position" or "before this position" of a
 * {@link SortOrder}. MongoDB sorts a missing or null value before every other value, and a
 * comparison such as {@code $lt} never matches null, so the side of the range that includes
 * the lowest values adds the resources without a value explicitly.
 */
final class PositionRanges {

    private PositionRanges() {
    }

    /**
     * Returns the condition on the resources that come after {@code position} in {@code order},
     * or before it when {@code backward}.
     */
    static Document beyond(SortOrder order, PagePosition position, boolean backward) {
        boolean towardsHigherValues = backward == order.descending();
        if (order.field() == null) {
            return new Document(RESOURCE_ID, new Document(towardsHigherValues ? "$gt" : "$lt",
                    position.resourceId()));
        }
        String idOperator = backward ? "$lt" : "$gt";
        String field = order.field();
        Object value = position.sortValue();
        List<Document> alternatives = new ArrayList<>();
        if (value == null) {
            alternatives.add(new Document(field, null)
                    .append(RESOURCE_ID, new Document(idOperator, position.resourceId())));
            if (towardsHigherValues) {
                alternatives.add(new Document(field, new Document("$ne", null)));
            }
            return new Document("$or", alternatives);
        }
        alternatives.add(new Document(field,
                new Document(towardsHigherValues ? "$gt" : "$lt", value)));
        alternatives.add(new Document(field, value)
                .append(RESOURCE_ID, new Document(idOperator, position.resourceId())));
        if (!towardsHigherValues) {
            alternatives.add(new Document(field, null));
        }
        return new Document("$or", alternatives);
    }

    /** Returns the value of a dotted document field such as {@code search.name.familyName}. */
    static Object valueAt(Document document, String field) {
        Object current = document;
        for (String name : field.split("\\.")) {
            if (!(current instanceof Document level)) {
                return null;
            }
            current = level.get(name);
        }
        return current;
    }
}
