package io.scimsync.schemas.syntax;

import com.unboundid.scim2.common.filters.Filter;

/**
 * A parsed attribute path of RFC 7644 §3.10 and §3.5.2: {@code [schemaUrn:]attribute[.sub]} or
 * {@code [schemaUrn:]attribute[valueFilter][.sub]}.
 *
 * <pre>
 * userName                                      attribute=userName
 * name.givenName                                attribute=name, subAttribute=givenName
 * emails[type eq "work"].value                  attribute=emails, valueFilter, subAttribute=value
 * urn:...:enterprise:2.0:User:manager.value     schemaUrn=urn:...:enterprise:2.0:User, ...
 * </pre>
 *
 * <p>Names keep the case the client sent, and resolving them against a schema gives the canonical
 * spelling. A string that is only a schema URN, such as the enterprise extension URN, parses with
 * the URN's last segment as the attribute. Callers that accept a whole extension as a target
 * therefore compare the string with the known URNs before parsing it.
 *
 * @param schemaUrn the URN prefix, or null when the path has none
 * @param valueFilter the filter between brackets, relative to the values of {@code attribute};
 *     null when the path has none
 * @param subAttribute null when the path names the whole attribute
 */
public record AttributePath(
        String schemaUrn, String attribute, Filter valueFilter, String subAttribute) {

    /**
     * Parses a PATCH path or an attribute name.
     *
     * @throws io.scimsync.schemas.error.ScimException {@code invalidPath}, quoting the path and the
     *     position where it is invalid
     */
    public static AttributePath parse(String path) {
        return ScimParser.parsePath(path);
    }

    public boolean hasValueFilter() {
        return valueFilter != null;
    }

    /** Returns this path without its value filter, such as {@code emails.value}. */
    public AttributePath withoutValueFilter() {
        return new AttributePath(schemaUrn, attribute, null, subAttribute);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (schemaUrn != null) {
            text.append(schemaUrn).append(':');
        }
        text.append(attribute);
        if (valueFilter != null) {
            text.append('[').append(valueFilter).append(']');
        }
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }
}
