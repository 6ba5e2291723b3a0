package io.scimsync.schemas.filter;

import static io.scimsync.schemas.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.SchemaRegistry;
import org.junit.jupiter.api.Test;

class ValueFiltersTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();

    @Test
    void comparesStringsIgnoringCase() {
        assertThat(ValueFilters.matches(ScimFilters.parse("type eq \"work\""),
                json("{'type':'Work','value':'a@x'}"))).isTrue();
    }

    @Test
    void doesNotMatchOtherValue() {
        assertThat(ValueFilters.matches(ScimFilters.parse("type eq \"work\""),
                json("{'type':'home','value':'a@x'}"))).isFalse();
    }

    @Test
    void evaluatesConjunction() {
        assertThat(ValueFilters.matches(ScimFilters.parse("type eq \"work\" and primary eq true"),
                json("{'type':'work','primary':true}"))).isTrue();
    }

    @Test
    void missingSubAttributeDoesNotMatch() {
        assertThat(ValueFilters.matches(ScimFilters.parse("type eq \"work\""),
                json("{'value':'a@x'}"))).isFalse();
    }

    @Test
    void caseExactSubAttributeComparesExactly() {
        AttributeDefinition certificates =
                REGISTRY.attribute(ResourceType.USER, "x509Certificates").orElseThrow();

        assertThat(ValueFilters.matches(ScimFilters.parse("value eq \"QUJD\""),
                json("{'value':'qujd'}"), certificates)).isFalse();
        assertThat(ValueFilters.matches(ScimFilters.parse("value eq \"QUJD\""),
                json("{'value':'QUJD'}"), certificates)).isTrue();
    }

    @Test
    void caseInsensitiveSubAttributeIgnoresCase() {
        AttributeDefinition members = REGISTRY.attribute(ResourceType.GROUP, "members")
                .orElseThrow();

        assertThat(ValueFilters.matches(ScimFilters.parse("value eq \"ABC\""),
                json("{'value':'abc'}"), members)).isTrue();
    }
}
