package io.scimsync.schemas.profile;

import com.unboundid.scim2.common.filters.Filter;
import io.scimsync.schemas.model.ResolvedAttribute;

/**
 * One SCIM attribute path of a profile mapping, checked against the User schemas.
 *
 * @param text the path as the mapping spells it, such as {@code emails[type eq "work"].value}
 * @param resolved where the attribute lives and its definition, with canonical names
 * @param valueFilter the value filter with canonical sub-attribute names, or null when the path
 *     has none
 */
public record MappedPath(String text, ResolvedAttribute resolved, Filter valueFilter) {
}
