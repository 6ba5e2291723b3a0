package io.scimsync.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Feeds the compatibility check deliberately broken schema pairs, built from a released file. */
class SchemaCompatibilityTest {

    private static final String DATA = "/properties/data";
    private static final String PROFILE = DATA + "/properties/profile";

    private final ObjectNode released = released();
    private final ObjectNode current = released();

    private static ObjectNode released() {
        return (ObjectNode) EventSchemas.read(EventSchemas.RELEASED_V1, "user.renamed");
    }

    private ObjectNode at(String pointer) {
        return (ObjectNode) current.at(pointer);
    }

    private List<String> problems() {
        return SchemaCompatibility.breakingChanges(released, current);
    }

    @Test
    void identicalSchemasAreCompatible() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void optionalPropertyAndNewDescriptionAreCompatible() {
        at(PROFILE + "/properties").putObject("costCenter").put("type", "string");
        current.put("description", "Reworded.");

        assertThat(problems()).isEmpty();
    }

    @Test
    void removedRequiredPropertyBreaks() {
        ArrayNode required = (ArrayNode) at(DATA).get("required");
        required.remove(2);
        at(DATA + "/properties").remove("previousPrincipalName");

        assertThat(problems()).containsExactly(
                DATA + ": required property 'previousPrincipalName' is no longer required",
                DATA + "/properties/previousPrincipalName: property removed");
    }

    @Test
    void newRequiredPropertyBreaks() {
        ((ArrayNode) at(PROFILE).get("required")).add("email");

        assertThat(problems()).containsExactly(PROFILE + ": property 'email' became required,"
                + " but events written under the released version may lack it");
    }

    @Test
    void changedTypeBreaks() {
        at(PROFILE + "/properties/active").put("type", "string");

        assertThat(problems()).containsExactly(
                PROFILE + "/properties/active: type changed from [boolean] to [string]");
    }

    @Test
    void removedEnumValueBreaks() {
        ObjectNode membership = (ObjectNode) EventSchemas
                .read(EventSchemas.RELEASED_V1, "membership.added");
        ObjectNode broken = membership.deepCopy();
        ((ObjectNode) broken.at("/properties/data/properties/membership"))
                .putArray("enum").add("direct");

        assertThat(SchemaCompatibility.breakingChanges(membership, broken)).containsExactly(
                DATA + "/properties/membership: enum value 'indirect' removed");
    }

    @Test
    void addedEnumValueBreaks() {
        ObjectNode membership = (ObjectNode) EventSchemas
                .read(EventSchemas.RELEASED_V1, "membership.added");
        ObjectNode broken = membership.deepCopy();
        ((ArrayNode) broken.at("/properties/data/properties/membership/enum")).add("nested");

        assertThat(SchemaCompatibility.breakingChanges(membership, broken))
                .containsExactly(DATA + "/properties/membership: enum value 'nested' added,"
                        + " which consumers of the released version do not know");
    }

    @Test
    void tightenedAdditionalPropertiesBreaks() {
        at(PROFILE).put("additionalProperties", false);

        assertThat(problems()).containsExactly(
                PROFILE + ": additionalProperties tightened from null to false");
    }

    @Test
    void changedPatternBreaks() {
        current.withObject("/properties/sequence").put("pattern", "^[0-9]+$");

        assertThat(problems()).singleElement().asString()
                .startsWith("/properties/sequence: 'pattern' changed");
    }

    @Test
    void unknownKeywordIsReported() {
        at(PROFILE).putArray("oneOf");

        assertThat(problems()).containsExactly(PROFILE + ": keyword 'oneOf' is not checked for"
                + " compatibility; extend SchemaCompatibility first");
    }

    @Test
    void removedTypeSuffixBreaks() {
        assertThat(SchemaCompatibility.removedTypes(
                Set.of("user.created", "user.renamed"), Set.of("user.created")))
                .containsExactly(
                        "event type 'user.renamed' was released but has no current schema");
    }
}
