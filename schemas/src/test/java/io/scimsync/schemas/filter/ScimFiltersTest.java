package io.scimsync.schemas.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.error.ScimType;
import io.scimsync.schemas.model.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScimFiltersTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();

    private static Filter user(String filter) {
        return ScimFilters.parse(filter, ResourceType.USER, REGISTRY);
    }

    private static Filter group(String filter) {
        return ScimFilters.parse(filter, ResourceType.GROUP, REGISTRY);
    }

    @Test
    void parsesUserNameEquality() {
        Filter filter = user("userName eq \"alice@contoso.example\"");

        assertThat(filter.getFilterType()).isEqualTo(FilterType.EQUAL);
        assertThat(filter.getAttributePath()).hasToString("userName");
        assertThat(filter.getComparisonValue().asString()).isEqualTo("alice@contoso.example");
    }

    @Test
    void parsesEqualitiesJoinedByAnd() {
        Filter filter = user("userName eq \"a\" and externalId eq \"b\" and id eq \"c\"");

        assertThat(filter.getFilterType()).isEqualTo(FilterType.AND);
        assertThat(filter.getCombinedFilters()).extracting(f -> f.getAttributePath().toString())
                .containsExactly("userName", "externalId", "id");
    }

    @Test
    void parsesGroupDisplayName() {
        assertThat(group("displayName eq \"Engineering\"")).hasToString(
                "displayName eq \"Engineering\"");
    }

    @Test
    void parsesEmailsValue() {
        assertThat(user("emails.value eq \"a@contoso.example\"").getAttributePath())
                .hasToString("emails.value");
    }

    @Test
    void turnsEntraValuePathComparisonIntoValueFilter() {
        Filter filter = user("emails[type eq \"work\"].value eq \"a@contoso.example\"");

        assertThat(filter.getFilterType()).isEqualTo(FilterType.COMPLEX_VALUE);
        assertThat(filter).hasToString(
                "emails[(type eq \"work\" and value eq \"a@contoso.example\")]");
    }

    @Test
    void parsesMembersValue() {
        assertThat(group("members.value eq \"2819c223\"").getAttributePath())
                .hasToString("members.value");
    }

    @Test
    void spellsAttributesAsTheSchemaDoes() {
        assertThat(user("USERNAME eq \"x\" and EMAILS[TYPE eq \"work\"]"))
                .hasToString("(userName eq \"x\" and emails[type eq \"work\"])");
    }

    @Test
    void dropsCoreSchemaUrnFromCoreAttributes() {
        assertThat(user(ScimSchemas.USER + ":userName eq \"x\"")).hasToString("userName eq \"x\"");
    }

    @Test
    void keepsExtensionUrnOnExtensionAttributes() {
        Filter filter = user(ScimSchemas.ENTERPRISE_USER + ":employeeNumber eq \"42\"");

        assertThat(filter.getAttributePath().getSchemaUrn()).isEqualTo(ScimSchemas.ENTERPRISE_USER);
        assertThat(filter.getAttributePath().getElement(0).getAttribute()).isEqualTo(
                "employeeNumber");
    }

    @Test
    void turnsBooleanStringIntoBoolean() {
        Filter filter = user("active eq \"True\"");

        assertThat(filter.getComparisonValue().isBoolean()).isTrue();
        assertThat(filter.getComparisonValue().booleanValue()).isTrue();
    }

    @Test
    void parsesOperatorsIgnoringCase() {
        assertThat(user("userName EQ \"x\" AND title Co \"eng\"").getFilterType())
                .isEqualTo(FilterType.AND);
    }

    @Test
    void parsesOrNotPresentAndParentheses() {
        Filter filter = user("(title pr or nickName sw \"b\") and not (active eq false)");

        assertThat(filter).hasToString(
                "((title pr or nickName sw \"b\") and not (active eq false))");
    }

    @Test
    void parsesNumbersAndNull() {
        assertThat(ScimFilters.parse("x gt 10").getComparisonValue().longValue()).isEqualTo(10);
        assertThat(ScimFilters.parse("x lt -1.5").getComparisonValue().doubleValue()).isEqualTo(
                -1.5);
        assertThat(ScimFilters.parse("x eq null").getComparisonValue().isNull()).isTrue();
    }

    @Test
    void decodesJsonEscapesInStrings() {
        assertThat(ScimFilters.parse("x eq \"a\\\"b\\u0041\"").getComparisonValue().asString())
                .isEqualTo("a\"bA");
    }

    @Test
    void missingValueSaysWhereItFailed() {
        assertThatThrownBy(() -> ScimFilters.parse("userName eq"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_FILTER);
                    assertThat(e.getMessage()).isEqualTo("invalid filter 'userName eq': expected a "
                            + "comparison value (a quoted string, a number, true, false or null) "
                            + "at the end");
                });
    }

    @Test
    void unknownOperatorIsNamedWithPosition() {
        assertThatThrownBy(() -> ScimFilters.parse("userName xx \"a\""))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("unknown operator 'xx'")
                .hasMessageContaining("at position 10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "userName eq \"a", "(userName eq \"a\"", "userName eq \"a\" and",
            "userName eq 'a'", "emails[type eq \"work\"", "emails[type[x eq 1]]", "userName",
            "userName eq \"a\")", "not userName eq \"a\""})
    void malformedFilterIsInvalidFilter(String filter) {
        assertThatThrownBy(() -> ScimFilters.parse(filter))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_FILTER);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("invalid filter '" + filter + "'");
                });
    }

    @Test
    void unknownAttributeIsInvalidFilterNamingIt() {
        assertThatThrownBy(() -> user("favouriteColour eq \"blue\""))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_FILTER);
                    assertThat(e.getMessage()).contains("unknown attribute 'favouriteColour'");
                });
    }

    @Test
    void unknownValueFilterAttributeIsInvalid() {
        assertThatThrownBy(() -> user("emails[kind eq \"work\"]"))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("unknown attribute 'emails.kind'");
    }

    @Test
    void groupAttributeOnUserIsInvalidFilter() {
        assertThatThrownBy(() -> user("members.value eq \"x\""))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("unknown attribute 'members.value'");
    }

    @Test
    void complexAttributeComparedWholeIsInvalidFilter() {
        assertThatThrownBy(() -> user("name eq \"Alice\""))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("attribute 'name' is complex");
    }

    @Test
    void passwordIsNotFilterable() {
        assertThatThrownBy(() -> user("password eq \"secret\""))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("'password' cannot be used in a filter");
    }

    @Test
    void orderingOnBooleanIsInvalidFilter() {
        assertThatThrownBy(() -> user("active gt true"))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining(
                        "operator 'gt' cannot compare the boolean attribute 'active'");
    }

    @Test
    void nonBooleanValueForBooleanIsInvalidFilter() {
        assertThatThrownBy(() -> user("active eq \"yes\""))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("compare it with true or false");
    }

    @Test
    void valueFilterOnSimpleAttributeIsInvalidFilter() {
        assertThatThrownBy(() -> user("title[value eq \"x\"]"))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("'title' is not one");
    }

    @Test
    void deepNestingAfterEscapedBackslashIsInvalidFilter() {
        String filter = "userName eq \"\\\\\" or " + "(".repeat(2000) + "active pr";

        assertThatThrownBy(() -> ScimFilters.parse(filter))
                .isInstanceOfSatisfying(ScimException.class, e ->
                        assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_FILTER));
    }

    @Test
    void parenthesesInsideStringDoNotCount() {
        Filter filter = ScimFilters.parse("displayName eq \"" + "(".repeat(100) + "\"");

        assertThat(filter.getFilterType()).isEqualTo(FilterType.EQUAL);
    }

    @Test
    void deeplyNestedValueFilterPathIsInvalidPath() {
        String path = "emails[" + "(".repeat(2000) + "type eq \"work\"";

        assertThatThrownBy(() -> io.scimsync.schemas.syntax.ScimParser.parsePath(path))
                .isInstanceOfSatisfying(ScimException.class, e ->
                        assertThat(e.error().scimType()).isEqualTo(ScimType.INVALID_PATH));
    }
}
