package io.scimsync.schemas.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes identity change events as CloudEvents 1.0 in the structured JSON mode, and decodes
 * them. Thread-safe.
 *
 * <pre>
 * {"specversion":"1.0","id":"0b6f...","source":"/tenants/t-1","type":"scimsync.user.disabled",
 *  "subject":"u-1","time":"2024-05-01T12:00:00Z","datacontenttype":"application/json",
 *  "sequence":"0000000000000000007",
 *  "data":{"profile":{"principalName":"alice@contoso.example","active":false,"groups":[]},
 *          "changed":["active"]}}
 * </pre>
 *
 * <p>The {@code sequence} extension is written as 19 decimal digits with leading zeros, because
 * the CloudEvents sequence extension requires values that order lexicographically; 19 digits
 * hold every positive {@code long}. Null fields of {@code data} are left out. The decoder ignores
 * attributes and {@code data} properties it does not know, so later versions can add them.
 */
public final class IdentityEventCodec {

    /** The type prefix when none is configured. */
    public static final String DEFAULT_TYPE_PREFIX = "scimsync";

    static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "application/json";
    private static final String SOURCE_PREFIX = "/tenants/";
    private static final int SEQUENCE_DIGITS = 19;
    private static final Pattern TYPE_PREFIX = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Pattern SEQUENCE = Pattern.compile("[0-9]{1,19}");

    private final String typePrefix;
    private final JsonMapper mapper;

    public IdentityEventCodec() {
        this(DEFAULT_TYPE_PREFIX);
    }

    /**
     * @param typePrefix the start of every CloudEvents {@code type}, such as
     *     {@code com.example.identity}: lower-case letters and digits in parts joined by dots or
     *     hyphens
     */
    public IdentityEventCodec(String typePrefix) {
        if (typePrefix == null || !TYPE_PREFIX.matcher(typePrefix).matches()) {
            throw new IllegalArgumentException("invalid event type prefix '" + typePrefix
                    + "': use lower-case letters and digits, in parts joined by '.' or '-'");
        }
        this.typePrefix = typePrefix;
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(inclusion -> inclusion
                        .withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    /**
     * Returns the CloudEvents {@code type} of events of {@code type}, such as
     * {@code scimsync.user.created}.
     */
    public String typeName(IdentityEventType type) {
        return typePrefix + "." + type.suffix();
    }

    public byte[] encode(IdentityEvent event) {
        ObjectNode json = mapper.createObjectNode();
        json.put("specversion", SPEC_VERSION);
        json.put("id", event.id());
        json.put("source", event.source());
        json.put("type", typeName(event.type()));
        json.put("subject", event.subject());
        json.put("time", event.time().toString());
        json.put("datacontenttype", CONTENT_TYPE);
        json.put("sequence", formatSequence(event.sequence()));
        json.set("data", mapper.valueToTree(event.data()));
        return mapper.writeValueAsBytes(json);
    }

    /**
     * Reads an event.
     *
     * @return the event, or empty when its {@code type} is not one of this contract's types
     *     under this codec's prefix: consumers skip such events
     * @throws IllegalArgumentException if the bytes are not a CloudEvent of this contract. The
     *     message names the attribute and the problem, never the event's content.
     */
    public Optional<IdentityEvent> decode(byte[] bytes) {
        JsonNode json = readObject(bytes);
        String specVersion = requireString(json, "specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw malformed("'specversion' must be " + SPEC_VERSION);
        }
        Optional<IdentityEventType> type = knownType(requireString(json, "type"));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        requireJsonContent(json);
        return Optional.of(new IdentityEvent(
                requireString(json, "id"),
                tenantOf(requireString(json, "source")),
                type.get(),
                requireString(json, "subject"),
                parseTime(requireString(json, "time")),
                parseSequence(requireString(json, "sequence")),
                readData(json, type.get())));
    }

    static String formatSequence(long sequence) {
        String digits = Long.toString(sequence);
        return "0".repeat(SEQUENCE_DIGITS - digits.length()) + digits;
    }

    private Optional<IdentityEventType> knownType(String type) {
        String start = typePrefix + ".";
        if (!type.startsWith(start)) {
            return Optional.empty();
        }
        return IdentityEventType.fromSuffix(type.substring(start.length()));
    }

    private JsonNode readObject(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw malformed("the record is empty");
        }
        JsonNode json;
        try {
            json = mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw malformed("not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (json == null || !json.isObject()) {
            throw malformed("the record is not a JSON object");
        }
        return json;
    }

    private static void requireJsonContent(JsonNode json) {
        JsonNode contentType = json.get("datacontenttype");
        if (contentType != null && !CONTENT_TYPE.equals(contentType.asString())) {
            throw malformed("'datacontenttype' must be " + CONTENT_TYPE);
        }
    }

    private static String tenantOf(String source) {
        String tenantId = source.startsWith(SOURCE_PREFIX)
                ? source.substring(SOURCE_PREFIX.length())
                : "";
        if (tenantId.isEmpty() || tenantId.indexOf('/') >= 0) {
            throw malformed("'source' must be " + SOURCE_PREFIX + "{tenantId}");
        }
        return tenantId;
    }

    private static Instant parseTime(String time) {
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("'time' must be an RFC 3339 timestamp");
        }
    }

    private static long parseSequence(String sequence) {
        if (!SEQUENCE.matcher(sequence).matches()) {
            throw malformed("'sequence' must be a decimal number of at most 19 digits");
        }
        try {
            long value = Long.parseLong(sequence);
            if (value < 1) {
                throw malformed("'sequence' must be at least 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw malformed("'sequence' is larger than the maximum of a long");
        }
    }

    private EventData readData(JsonNode json, IdentityEventType type) {
        JsonNode data = json.get("data");
        if (data == null || !data.isObject()) {
            throw malformed("'data' must be a JSON object");
        }
        EventData value;
        try {
            value = mapper.treeToValue(data, IdentityEvent.expectedDataType(type));
        } catch (JacksonException e) {
            throw malformed("'data' does not fit " + type.suffix() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        requireComplete(value);
        return value;
    }

    private static void requireComplete(EventData data) {
        if (data instanceof UserEventData user && user.profile() == null
                || data instanceof GroupEventData group && group.profile() == null) {
            throw malformed("'data.profile' is missing");
        }
        if (data instanceof MembershipEventData membership && (membership.groupId() == null
                || membership.userId() == null || membership.membership() == null)) {
            throw malformed("'data' needs 'groupId', 'userId' and 'membership'");
        }
    }

    private static String requireString(JsonNode json, String attribute) {
        JsonNode value = json.get(attribute);
        if (value == null || value.isNull()) {
            throw malformed("'" + attribute + "' is missing");
        }
        if (!value.isString() || value.stringValue().isEmpty()) {
            throw malformed("'" + attribute + "' must be a non-empty string");
        }
        return value.stringValue();
    }

    private static IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException("malformed identity event: " + problem);
    }
}
