package io.scimsync.schemas.model;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One attribute of a SCIM schema with the characteristics of RFC 7643 §7. Sub-attributes exist
 * only for {@link AttributeType#COMPLEX} attributes; names are matched ignoring case, as RFC 7643
 * §2.1 requires, and {@link #name()} is the canonical spelling.
 *
 * @param canonicalValues suggested values (such as {@code work}, {@code home}); never enforced
 * @param referenceTypes for {@link AttributeType#REFERENCE}: {@code User}, {@code Group},
 *     {@code external} or {@code uri}; empty otherwise
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes) {

    public AttributeDefinition {
        canonicalValues = canonicalValues == null ? List.of() : List.copyOf(canonicalValues);
        referenceTypes = referenceTypes == null ? List.of() : List.copyOf(referenceTypes);
        subAttributes = subAttributes == null ? List.of() : List.copyOf(subAttributes);
    }

    /** Returns the sub-attribute called {@code subName}, ignoring case. */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        return subAttributes.stream().filter(sub -> sub.name.equalsIgnoreCase(subName)).findFirst();
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /** Returns whether no client may set this attribute (RFC 7643 {@code readOnly}). */
    public boolean isReadOnly() {
        return mutability == Mutability.READ_ONLY;
    }

    /** Writes this attribute in the form of RFC 7643 §7, as {@code /Schemas} returns it. */
    public ObjectNode toJson() {
        return SchemaJson.write(this);
    }

    /**
     * Reads an attribute written in the form of RFC 7643 §7. Characteristics that are absent take
     * the defaults of RFC 7643 §2.2 (string, single-valued, optional, not case-exact, readWrite,
     * returned by default, no uniqueness).
     *
     * @throws IllegalArgumentException if the definition has no name or an unknown characteristic
     */
    public static AttributeDefinition fromJson(JsonNode json) {
        return SchemaJson.readAttribute(json);
    }
}
