package io.scimsync.ingress.scim;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.resource.Projection;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST .../.search} (RFC 7644 §3.4.3): the list parameters of a GET, with
 * {@code attributes} and {@code excludedAttributes} as arrays of attribute names.
 */
record SearchRequest(JsonNode body) {

    static SearchRequest of(JsonNode body) {
        if (!body.isObject()) {
            throw ScimException.invalidSyntax("a search request must be a JSON object");
        }
        boolean declared = false;
        for (JsonNode schema : body.path("schemas")) {
            declared |= ScimSchemas.SEARCH_REQUEST.equals(schema.asString(""));
        }
        if (!declared) {
            throw ScimException.invalidSyntax("a search request must list the schema "
                    + ScimSchemas.SEARCH_REQUEST + " in 'schemas'");
        }
        return new SearchRequest(body);
    }

    /** Returns the list query of this search, with {@code defaultCount} when it has no count. */
    ListQuery toQuery(int defaultCount) {
        Integer startIndex = body.hasNonNull("startIndex") ? startIndex(1) : null;
        return new ListQuery(filter(), sortBy(), sortOrder(), startIndex, cursor(),
                count(defaultCount), Projection.of(attributes(), excludedAttributes()));
    }

    /** Returns the {@code cursor} of RFC 9865 §3: null when absent, empty for the first page. */
    String cursor() {
        return text("cursor");
    }

    String filter() {
        return text("filter");
    }

    String sortBy() {
        return text("sortBy");
    }

    String sortOrder() {
        return text("sortOrder");
    }

    int startIndex(int fallback) {
        return integer("startIndex", fallback);
    }

    int count(int fallback) {
        return integer("count", fallback);
    }

    String attributes() {
        return names("attributes");
    }

    String excludedAttributes() {
        return names("excludedAttributes");
    }

    private String text(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.invalidValue("search request '" + name + "' must be a string");
        }
        return value.asString();
    }

    private int integer(String name, int fallback) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ScimException.invalidValue("search request '" + name + "' must be an integer");
        }
        return value.intValue();
    }

    /** The names of an array attribute, comma-joined as the query parameter would give them. */
    private String names(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue("search request '" + name
                    + "' must be an array of attribute names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw ScimException.invalidValue("search request '" + name
                        + "' must contain only strings");
            }
            names.add(element.asString());
        }
        return String.join(",", names);
    }
}
