package io.scimsync.schemas.filter;

import com.unboundid.scim2.common.filters.Filter;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.syntax.ScimParser;

/**
 * Parses the {@code filter} query parameter of RFC 7644 §3.4.2.2 into the UnboundID SCIM 2 SDK's
 * {@link Filter} tree, so that callers translate it with a {@code FilterVisitor}.
 *
 * <p>The parser is {@link ScimParser}, not the SDK's {@code Filter.fromString}: the SDK rejects
 * Entra ID's {@code emails[type eq "work"].value eq "a@example.com"}, which this parser turns
 * into {@code emails[type eq "work" and value eq "a@example.com"]}.
 */
public final class ScimFilters {

    private ScimFilters() {
    }

    /**
     * Parses a filter without checking its attribute names.
     *
     * @throws io.scimsync.schemas.error.ScimException {@code invalidFilter}, quoting the filter and
     *     saying where it fails
     */
    public static Filter parse(String filter) {
        return ScimParser.parseFilter(filter);
    }

    /**
     * Parses a filter and checks it against the schemas of {@code type}. The returned filter spells
     * every attribute as the schema does ({@code username} becomes {@code userName}), drops the
     * core schema URN from core attribute paths, keeps the canonical URN on extension attribute
     * paths, and turns the strings {@code "true"} and {@code "false"} compared with a boolean
     * attribute into booleans.
     *
     * @throws io.scimsync.schemas.error.ScimException {@code invalidFilter} when the filter is
     *     malformed, names an attribute {@code type} does not have, compares a complex attribute
     *     instead of one of its sub-attributes, uses a write-only attribute, or applies an
     *     operator to a type it does not fit (such as {@code gt} on a boolean)
     */
    public static Filter parse(String filter, ResourceType type, SchemaRegistry registry) {
        Filter parsed = ScimParser.parseFilter(filter);
        return new FilterCanonicalizer(type, registry, filter).canonicalize(parsed);
    }
}
