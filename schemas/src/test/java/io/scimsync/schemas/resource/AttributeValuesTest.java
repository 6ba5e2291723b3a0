package io.scimsync.schemas.resource;

import static io.scimsync.schemas.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.model.AttributeDefinition;
import io.scimsync.schemas.model.SchemaRegistry;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();

    private static AttributeDefinition user(String path) {
        return REGISTRY.attribute(ResourceType.USER, path).orElseThrow();
    }

    @Test
    void valuesWithEqualValueAreSame() {
        AttributeDefinition members = REGISTRY.attribute(ResourceType.GROUP, "members")
                .orElseThrow();

        assertThat(AttributeValues.sameValue(members, json("{'value':'u1','type':'User'}"),
                json("{'value':'U1'}"))).isTrue();
    }

    @Test
    void valuesWithOtherValueDiffer() {
        assertThat(AttributeValues.sameValue(user("emails"), json("{'value':'a@x','type':'work'}"),
                json("{'value':'b@x','type':'work'}"))).isFalse();
    }

    @Test
    void valuesWithoutValueCompareSharedSubAttributes() {
        AttributeDefinition addresses = user("addresses");

        assertThat(AttributeValues.sameValue(addresses, json("{'type':'work','locality':'Oslo'}"),
                json("{'type':'work','postalCode':'0150'}"))).isTrue();
        assertThat(AttributeValues.sameValue(addresses, json("{'type':'work'}"),
                json("{'type':'home'}"))).isFalse();
    }

    @Test
    void onlyPrimaryInCommonIsNotSame() {
        assertThat(AttributeValues.sameValue(user("addresses"), json("{'primary':true}"),
                json("{'primary':true,'type':'work'}"))).isFalse();
    }

    @Test
    void canonicalValueCanonicalizesToItself() {
        AttributeDefinition emails = user("emails");
        var canonical = AttributeValues.canonicalize(emails,
                json("{'VALUE':'a@x','Primary':'true','display':''}"), "emails");

        assertThat(canonical).isEqualTo(json("[{'value':'a@x','primary':true}]"));
        assertThat(AttributeValues.canonicalize(emails, canonical, "emails")).isEqualTo(canonical);
    }

    @Test
    void emptyValuesCanonicalizeToNull() {
        assertThat(AttributeValues.canonicalize(user("title"), json("''"), "title")).isNull();
        assertThat(AttributeValues.canonicalize(user("title"), json("null"), "title")).isNull();
        assertThat(AttributeValues.canonicalize(user("emails"), json("[{}]"), "emails")).isNull();
    }

    @Test
    void mergeRemovesSubAttributeSetEmpty() {
        var merged = AttributeValues.mergeValue(user("name"),
                json("{'givenName':'A','familyName':'S'}"), json(
                        "{'familyName':'','GIVENNAME':'B'}"),
                "name");

        assertThat(merged).isEqualTo(json("{'givenName':'B'}"));
    }
}
