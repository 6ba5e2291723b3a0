package io.scimsync.schemas.change;

import static io.scimsync.schemas.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeCodecTest {

    private static final Instant ACCEPTED = Instant.parse("2024-05-01T12:00:00.123Z");

    private final ChangeCodec codec = new ChangeCodec();

    private static ChangeEvent patchEvent() {
        return new ChangeEvent("c-1", "t-1", ResourceType.USER, "u-1", Operation.PATCH,
                json("{'Operations':[{'op':'replace','path':'active','value':false}]}"), ACCEPTED);
    }

    /** Returns the UTF-8 bytes of a JSON text written with single quotes. */
    private static byte[] bytes(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void changeEventSurvivesRoundTrip() {
        assertThat(codec.decodeChange(codec.encode(patchEvent()))).isEqualTo(patchEvent());
    }

    @Test
    void deleteEventWithoutPayloadSurvivesRoundTrip() {
        ChangeEvent delete = new ChangeEvent("c-2", "t-1", ResourceType.GROUP, "g-1",
                Operation.DELETE, null, ACCEPTED);

        assertThat(codec.decodeChange(codec.encode(delete))).isEqualTo(delete);
    }

    @Test
    void writesEnumNamesAndIsoInstants() {
        String encoded = text(codec.encode(patchEvent()));

        assertThat(encoded).contains("\"resourceType\":\"USER\"")
                .contains("\"operation\":\"PATCH\"")
                .contains("\"acceptedAt\":\"2024-05-01T12:00:00.123Z\"")
                .doesNotContain("recordKey");
    }

    @Test
    void rejectedOutcomeSurvivesRoundTrip() {
        ChangeOutcome outcome = ChangeOutcome.rejected("c-1",
                new ScimError(409, ScimType.UNIQUENESS, "userName 'a' is taken"));

        assertThat(codec.decodeOutcome(codec.encode(outcome))).isEqualTo(outcome);
    }

    @Test
    void appliedOutcomeSurvivesRoundTrip() {
        ChangeOutcome outcome = ChangeOutcome.applied("c-1", json("{'id':'u-1','userName':'a'}"));

        assertThat(codec.decodeOutcome(codec.encode(outcome))).isEqualTo(outcome);
    }

    @Test
    void writesScimTypeByWireName() {
        byte[] encoded = codec.encode(ChangeOutcome.rejected("c-1",
                new ScimError(400, ScimType.INVALID_FILTER, "bad")));

        assertThat(text(encoded)).contains("\"scimType\":\"invalidFilter\"");
    }

    @Test
    void ignoresUnknownProperties() {
        byte[] encoded = bytes("{'changeId':'c-1','status':'HELD','heldBy':'safeguard',"
                + "'extra':{'x':1}}");

        assertThat(codec.decodeOutcome(encoded))
                .isEqualTo(new ChangeOutcome("c-1", OutcomeStatus.HELD, null, null));
    }

    @Test
    void malformedJsonMessageNamesNoContent() {
        byte[] encoded = bytes("{'changeId':'alice@contoso.example', oops");

        assertThatThrownBy(() -> codec.decodeChange(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed change event")
                .hasMessageNotContaining("alice")
                .hasMessageNotContaining("oops");
    }

    @Test
    void missingFieldIsNamed() {
        byte[] encoded = bytes("{'changeId':'c-1','tenantId':'t-1'}");

        assertThatThrownBy(() -> codec.decodeChange(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed change event: 'resourceType' is missing");
    }

    @Test
    void unknownEnumValueIsMalformed() {
        byte[] encoded = bytes("{'changeId':'c-1','status':'alice@contoso.example'}");

        assertThatThrownBy(() -> codec.decodeOutcome(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed change outcome")
                .hasMessageNotContaining("alice");
    }

    @Test
    void emptyRecordIsMalformed() {
        assertThatThrownBy(() -> codec.decodeOutcome(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed change outcome: the record is empty");
    }

    @Test
    void operatorCommandSurvivesRoundTrip() {
        OperatorCommand command = new OperatorCommand("cmd-1", "t-1",
                OperatorCommand.Action.RELEASE, "c-1", Instant.parse("2026-03-01T10:00:00Z"));

        assertThat(codec.decodeCommand(codec.encode(command))).isEqualTo(command);
    }

    @Test
    void resumeNeedsNoChange() {
        OperatorCommand resume = new OperatorCommand("cmd-2", "t-1",
                OperatorCommand.Action.RESUME, null, Instant.parse("2026-03-01T10:00:00Z"));

        assertThat(codec.decodeCommand(codec.encode(resume))).isEqualTo(resume);
    }

    @Test
    void releaseWithoutChangeIsMalformed() {
        byte[] bytes = "{\"commandId\":\"cmd-3\",\"tenantId\":\"t-1\",\"action\":\"DISCARD\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decodeCommand(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changeId");
    }

    @Test
    void setAsideOutcomeSurvivesRoundTrip() {
        ChangeOutcome held = ChangeOutcome.setAside("c-1", OutcomeStatus.HELD, json("{\"version\": 2}"));

        ChangeOutcome decoded = codec.decodeOutcome(codec.encode(held));

        assertThat(decoded).isEqualTo(held);
        assertThat(decoded.isSetAside()).isTrue();
        assertThat(new String(codec.encode(held), StandardCharsets.UTF_8)).doesNotContain("setAside");
        assertThatThrownBy(() -> ChangeOutcome.setAside("c-1", OutcomeStatus.APPLIED, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
