package io.scimsync.schemas.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.scimsync.schemas.error.ScimType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Encodes {@link ChangeEvent}, {@link ChangeOutcome} and {@link OperatorCommand} records as
 * UTF-8 JSON for the changes and outcomes topics. Enums are written by name, {@link ScimType} by
 * its wire name ({@code invalidFilter}), instants as ISO-8601 strings, and null fields are left out. Readers
 * ignore properties they do not know, so that later versions can add fields. Thread-safe.
 *
 * <pre>
 * {"changeId":"c-1","tenantId":"t-1","resourceType":"USER","resourceId":"u-1",
 *  "operation":"PATCH","payload":{...},"acceptedAt":"2024-05-01T12:00:00Z"}
 * {"changeId":"c-1","status":"REJECTED","error":{"status":409,"scimType":"uniqueness",
 *  "detail":"..."}}
 * </pre>
 */
public final class ChangeCodec {

    private final JsonMapper mapper;

    public ChangeCodec() {
        SimpleModule scimTypes = new SimpleModule("scim-type-wire-names")
                .addSerializer(ScimType.class, new ScimTypeSerializer())
                .addDeserializer(ScimType.class, new ScimTypeDeserializer());
        this.mapper = JsonMapper.builder()
                .addModule(scimTypes)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .changeDefaultPropertyInclusion(inclusion -> inclusion
                        .withValueInclusion(JsonInclude.Include.NON_NULL)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    public byte[] encode(ChangeEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    public byte[] encode(ChangeOutcome outcome) {
        return mapper.writeValueAsBytes(outcome);
    }

    public byte[] encode(OperatorCommand command) {
        return mapper.writeValueAsBytes(command);
    }

    public byte[] encode(MembershipNotice notice) {
        return mapper.writeValueAsBytes(notice);
    }

    /**
     * Reads a membership notice.
     *
     * @throws IllegalArgumentException if the bytes are not a notice with all its fields
     */
    public MembershipNotice decodeNotice(byte[] bytes) {
        MembershipNotice notice = read(bytes, MembershipNotice.class, "membership notice");
        requirePresent(notice.tenantId(), "tenantId", "membership notice");
        requirePresent(notice.groupId(), "groupId", "membership notice");
        requirePresent(notice.memberId(), "memberId", "membership notice");
        requirePresent(notice.changeId(), "changeId", "membership notice");
        return notice;
    }

    /**
     * Reads an operator command.
     *
     * @throws IllegalArgumentException if the bytes are not a command with its tenant and action,
     *     or a RELEASE or DISCARD without the change it is about
     */
    public OperatorCommand decodeCommand(byte[] bytes) {
        OperatorCommand command = read(bytes, OperatorCommand.class, "operator command");
        requirePresent(command.tenantId(), "tenantId", "operator command");
        requirePresent(command.action(), "action", "operator command");
        if (command.action() != OperatorCommand.Action.RESUME) {
            requirePresent(command.changeId(), "changeId", "operator command");
        }
        return command;
    }

    /**
     * Reads a change event.
     *
     * @throws IllegalArgumentException if the bytes are not a change event with its identifying
     *     fields. The message names the problem and its position, never the record's content.
     */
    public ChangeEvent decodeChange(byte[] bytes) {
        ChangeEvent event = read(bytes, ChangeEvent.class, "change event");
        requirePresent(event.changeId(), "changeId", "change event");
        requirePresent(event.tenantId(), "tenantId", "change event");
        requirePresent(event.resourceType(), "resourceType", "change event");
        requirePresent(event.resourceId(), "resourceId", "change event");
        requirePresent(event.operation(), "operation", "change event");
        return event;
    }

    /**
     * Reads a change outcome.
     *
     * @throws IllegalArgumentException if the bytes are not a change outcome with its
     *     {@code changeId} and {@code status}; the message never contains the record's content
     */
    public ChangeOutcome decodeOutcome(byte[] bytes) {
        ChangeOutcome outcome = read(bytes, ChangeOutcome.class, "change outcome");
        requirePresent(outcome.changeId(), "changeId", "change outcome");
        requirePresent(outcome.status(), "status", "change outcome");
        return outcome;
    }

    private <T> T read(byte[] bytes, Class<T> type, String recordKind) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("malformed " + recordKind + ": the record is empty");
        }
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new IllegalArgumentException(
                        "malformed " + recordKind + ": the record is null");
            }
            return value;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed " + recordKind + ": "
                    + e.getClass().getSimpleName() + describe(e.getLocation()));
        }
    }

    /** Gives the position only: Jackson's own message may quote the record's content. */
    private static String describe(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static void requirePresent(Object value, String field, String recordKind) {
        if (value == null) {
            throw new IllegalArgumentException(
                    "malformed " + recordKind + ": '" + field + "' is missing");
        }
    }

    private static final class ScimTypeSerializer extends ValueSerializer<ScimType> {

        @Override
        public void serialize(
                ScimType value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.wireName());
        }
    }

    private static final class ScimTypeDeserializer extends ValueDeserializer<ScimType> {

        @Override
        public ScimType deserialize(JsonParser parser, DeserializationContext context) {
            String name = parser.getValueAsString();
            try {
                return ScimType.fromWireName(name);
            } catch (IllegalArgumentException e) {
                return context.reportInputMismatch(ScimType.class, "unknown scimType");
            }
        }
    }
}
