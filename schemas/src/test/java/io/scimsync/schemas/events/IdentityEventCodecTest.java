package io.scimsync.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class IdentityEventCodecTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final IdentityEventCodec codec = new IdentityEventCodec();

    private static IdentityEvent disabled() {
        UserProfile before = SampleEvents.alice();
        UserProfile after = SampleEvents.aliceWith(before.principalName(), false, "Sales");
        return new IdentityEventFactory("t-1", "c-1", SampleEvents.APPLIED)
                .user("u-1", before, after, 7).get(1);
    }

    private static ObjectNode tree(byte[] bytes) {
        return (ObjectNode) MAPPER.readTree(bytes);
    }

    private static byte[] bytes(JsonNode json) {
        return MAPPER.writeValueAsBytes(json);
    }

    private static byte[] bytes(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyTypeSurvivesRoundTrip() {
        for (IdentityEvent event : SampleEvents.oneOfEach()) {
            assertThat(codec.decode(codec.encode(event))).as(event.type().suffix()).contains(event);
        }
    }

    @Test
    void writesCloudEventsAttributes() {
        ObjectNode json = tree(codec.encode(disabled()));

        assertThat(json.get("specversion").stringValue()).isEqualTo("1.0");
        assertThat(json.get("id").stringValue()).isEqualTo(disabled().id());
        assertThat(json.get("source").stringValue()).isEqualTo("/tenants/t-1");
        assertThat(json.get("type").stringValue()).isEqualTo("scimsync.user.disabled");
        assertThat(json.get("subject").stringValue()).isEqualTo("u-1");
        assertThat(json.get("time").stringValue()).isEqualTo("2024-05-01T12:00:00.123Z");
        assertThat(json.get("datacontenttype").stringValue()).isEqualTo("application/json");
        assertThat(json.get("sequence").stringValue()).isEqualTo("0000000000000000008");
    }

    @Test
    void writesDataWithoutNullFields() {
        JsonNode data = tree(codec.encode(disabled())).get("data");

        assertThat(data.get("changed").toString()).isEqualTo("[\"active\"]");
        assertThat(data.has("previousPrincipalName")).isFalse();
        assertThat(data.get("profile").get("active").booleanValue()).isFalse();
        assertThat(data.get("profile").get("groups").toString()).isEqualTo("[\"g-1\"]");
        assertThat(data.get("profile").has("enabled")).isFalse();
    }

    @Test
    void writesMembershipKindInLowerCase() {
        IdentityEvent added = SampleEvents.oneOfEach().get(9);

        JsonNode data = tree(codec.encode(added)).get("data");

        assertThat(data.get("membership").stringValue()).isEqualTo("direct");
        assertThat(data.get("groupId").stringValue()).isEqualTo("g-1");
        assertThat(data.get("userId").stringValue()).isEqualTo("u-1");
    }

    @Test
    void sequenceOrdersAsString() {
        assertThat(IdentityEventCodec.formatSequence(9))
                .isLessThan(IdentityEventCodec.formatSequence(10));
        assertThat(IdentityEventCodec.formatSequence(Long.MAX_VALUE))
                .isEqualTo("9223372036854775807");
    }

    @Test
    void configuredPrefixStartsType() {
        IdentityEventCodec custom = new IdentityEventCodec("com.example.identity");

        byte[] encoded = custom.encode(disabled());

        assertThat(tree(encoded).get("type").stringValue())
                .isEqualTo("com.example.identity.user.disabled");
        assertThat(custom.decode(encoded)).contains(disabled());
    }

    @Test
    void invalidPrefixIsRejected() {
        assertThatThrownBy(() -> new IdentityEventCodec("Scim Sync"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid event type prefix 'Scim Sync'");
    }

    @Test
    void ignoresUnknownAttributesAndDataProperties() {
        ObjectNode json = tree(codec.encode(disabled()));
        json.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        json.put("dataschema", "urn:scimsync:events:user.disabled");
        ((ObjectNode) json.get("data")).put("reason", "left the company");
        ((ObjectNode) json.get("data").get("profile")).put("costCenter", "4711");

        assertThat(codec.decode(bytes(json))).contains(disabled());
    }

    @Test
    void unknownTypeIsSkipped() {
        ObjectNode json = tree(codec.encode(disabled()));
        json.put("type", "scimsync.user.archived");

        assertThat(codec.decode(bytes(json))).isEmpty();
    }

    @Test
    void otherPrefixIsSkipped() {
        byte[] foreign = new IdentityEventCodec("com.example").encode(disabled());

        assertThat(codec.decode(foreign)).isEmpty();
    }

    @Test
    void acceptsTimeWithOffsetAndUnpaddedSequence() {
        ObjectNode json = tree(codec.encode(disabled()));
        json.put("time", "2024-05-01T14:00:00.123+02:00");
        json.put("sequence", "8");

        IdentityEvent decoded = codec.decode(bytes(json)).orElseThrow();

        assertThat(decoded.time()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123Z"));
        assertThat(decoded.sequence()).isEqualTo(8);
    }

    @Test
    void missingAttributeIsNamed() {
        for (String attribute : List.of("id", "source", "subject", "time", "sequence")) {
            ObjectNode json = tree(codec.encode(disabled()));
            json.remove(attribute);

            assertThatThrownBy(() -> codec.decode(bytes(json))).as(attribute)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("malformed identity event: '" + attribute + "' is missing");
        }
    }

    @Test
    void otherSpecVersionIsRejected() {
        ObjectNode json = tree(codec.encode(disabled()));
        json.put("specversion", "0.3");

        assertThatThrownBy(() -> codec.decode(bytes(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed identity event: 'specversion' must be 1.0");
    }

    @Test
    void sourceWithoutTenantIsRejected() {
        ObjectNode json = tree(codec.encode(disabled()));
        json.put("source", "/tenants/");

        assertThatThrownBy(() -> codec.decode(bytes(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed identity event: 'source' must be /tenants/{tenantId}");
    }

    @Test
    void invalidSequenceIsRejected() {
        for (String sequence : List.of("0", "-1", "x1", "99999999999999999999")) {
            ObjectNode json = tree(codec.encode(disabled()));
            json.put("sequence", sequence);

            assertThatThrownBy(() -> codec.decode(bytes(json))).as(sequence)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("malformed identity event: 'sequence'");
        }
    }

    @Test
    void dataOfWrongShapeNamesNoContent() {
        ObjectNode json = tree(codec.encode(disabled()));
        ((ObjectNode) json.get("data").get("profile")).remove("principalName");
        ((ObjectNode) json.get("data").get("profile")).put("displayName", "Alice Example");

        assertThatThrownBy(() -> codec.decode(bytes(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "malformed identity event: 'data' does not fit user.disabled")
                .hasMessageNotContaining("Alice");
    }

    @Test
    void membershipWithoutUserIsRejected() {
        ObjectNode json = tree(codec.encode(SampleEvents.oneOfEach().get(9)));
        ((ObjectNode) json.get("data")).remove("userId");

        assertThatThrownBy(() -> codec.decode(bytes(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed identity event: 'data' needs 'groupId', 'userId' and "
                        + "'membership'");
    }

    @Test
    void malformedJsonNamesNoContent() {
        assertThatThrownBy(() -> codec.decode(bytes("{'subject':'alice@contoso.example', oops")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed identity event: not JSON")
                .hasMessageNotContaining("alice");
    }

    @Test
    void emptyRecordIsRejected() {
        assertThatThrownBy(() -> codec.decode(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed identity event: the record is empty");
    }
}
