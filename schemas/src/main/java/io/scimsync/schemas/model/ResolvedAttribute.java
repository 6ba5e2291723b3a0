package io.scimsync.schemas.model;

/**
 * An attribute path resolved against the schemas of one resource type: where the attribute lives
 * and its definition, with canonical names.
 *
 * @param extensionUrn the canonical URN of the extension schema that defines the attribute, whose
 *     values live in the object under that URN; null for core and common attributes, which live at
 *     the top level of the resource
 * @param subAttribute the sub-attribute the path names, or null when it names the whole attribute
 */
public record ResolvedAttribute(
        String extensionUrn, AttributeDefinition attribute, AttributeDefinition subAttribute) {

    /** Returns the definition the path points at: the sub-attribute if any, else the attribute. */
    public AttributeDefinition target() {
        return subAttribute == null ? attribute : subAttribute;
    }

    public boolean inExtension() {
        return extensionUrn != null;
    }

    /**
     * Returns the canonical path, such as {@code name.givenName} or
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
     */
    public String canonicalPath() {
        String prefix = extensionUrn == null ? "" : extensionUrn + ":";
        String suffix = subAttribute == null ? "" : "." + subAttribute.name();
        return prefix + attribute.name() + suffix;
    }
}
