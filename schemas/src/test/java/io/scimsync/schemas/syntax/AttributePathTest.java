package io.scimsync.schemas.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import org.junit.jupiter.api.Test;

class AttributePathTest {

    @Test
    void parsesSimpleName() {
        assertThat(AttributePath.parse("displayName"))
                .isEqualTo(new AttributePath(null, "displayName", null, null));
    }

    @Test
    void parsesSubAttribute() {
        assertThat(AttributePath.parse("name.givenName"))
                .isEqualTo(new AttributePath(null, "name", null, "givenName"));
    }

    @Test
    void parsesValueFilterAndSubAttribute() {
        AttributePath path = AttributePath.parse("addresses[type eq \"work\"].locality");

        assertThat(path.attribute()).isEqualTo("addresses");
        assertThat(path.valueFilter()).hasToString("type eq \"work\"");
        assertThat(path.subAttribute()).isEqualTo("locality");
    }

    @Test
    void parsesValueFilterWithoutSubAttribute() {
        AttributePath path = AttributePath.parse("members[value eq \"2819c223\"]");

        assertThat(path.valueFilter()).hasToString("value eq \"2819c223\"");
        assertThat(path.subAttribute()).isNull();
    }

    @Test
    void parsesExtensionUrnPrefix() {
        AttributePath path = AttributePath.parse(ScimSchemas.ENTERPRISE_USER + ":manager.value");

        assertThat(path.schemaUrn()).isEqualTo(ScimSchemas.ENTERPRISE_USER);
        assertThat(path.attribute()).isEqualTo("manager");
        assertThat(path.subAttribute()).isEqualTo("value");
    }

    @Test
    void printsBackToPathSyntax() {
        String text = "emails[type eq \"work\"].value";

        assertThat(AttributePath.parse(text)).hasToString(text);
    }

    @Test
    void rejectsUnclosedFilterQuotingPath() {
        assertThatThrownBy(() -> AttributePath.parse("emails[type eq \"work\""))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_PATH);
                    assertThat(e.getMessage()).contains("'emails[type eq \"work\"'")
                            .contains("']' closing the value filter");
                });
    }

    @Test
    void rejectsTwoSubAttributeLevels() {
        assertThatThrownBy(() -> AttributePath.parse("name.givenName.x"))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("at most one sub-attribute");
    }

    @Test
    void rejectsFilterAfterSubAttribute() {
        assertThatThrownBy(() -> AttributePath.parse("emails.value[type eq \"work\"]"))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("must follow the attribute name 'emails'");
    }

    @Test
    void rejectsNameStartingWithDigit() {
        assertThatThrownBy(() -> AttributePath.parse("9lives"))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("invalid attribute name '9lives' at position 1");
    }

    @Test
    void rejectsTrailingText() {
        assertThatThrownBy(() -> AttributePath.parse("title x"))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("unexpected 'x' at position 7");
    }

    @Test
    void rejectsEmptyPath() {
        assertThatThrownBy(() -> AttributePath.parse(" "))
                .isInstanceOfSatisfying(ScimException.class, e ->
                        assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_PATH));
    }
}
