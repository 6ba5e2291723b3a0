package io.scimsync.ingress.ops;

import io.scimsync.ingress.admin.AdminInputException;
import io.scimsync.store.safeguard.RenamePolicy;
import io.scimsync.store.safeguard.Safeguards;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The safeguards object of the ops API, read strictly: every field present (PUT takes the whole
 * object GET returns), no unknown field, each of its type. A missing or misspelt field is
 * rejected rather than defaulted, so an operator never loosens a safeguard by a typo.
 */
final class SafeguardsBody {

    private static final Set<String> FIELDS = Set.of("deletionThreshold",
            "deletionThresholdPercent", "deletionWindow", "renamePolicy", "quarantinePauseRatio",
            "quarantinePauseWindow", "quarantinePauseMinimum", "notificationUrl");

    private SafeguardsBody() {
    }

    static Map<String, Object> render(Safeguards safeguards) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deletionThreshold", safeguards.deletionThreshold());
        body.put("deletionThresholdPercent", safeguards.deletionThresholdPercent());
        body.put("deletionWindow", safeguards.deletionWindow().toString());
        body.put("renamePolicy", safeguards.renamePolicy().wireName());
        body.put("quarantinePauseRatio", safeguards.quarantinePauseRatio());
        body.put("quarantinePauseWindow", safeguards.quarantinePauseWindow());
        body.put("quarantinePauseMinimum", safeguards.quarantinePauseMinimum());
        body.put("notificationUrl", safeguards.notificationUrl());
        return body;
    }

    /**
     * @throws AdminInputException naming the field that is missing, unknown or of a wrong type
     * @throws io.scimsync.store.safeguard.InvalidSafeguardException naming a value out of range
     */
    static Safeguards parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new AdminInputException("body", "send the safeguards as a JSON object with the"
                    + " fields GET returns");
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new AdminInputException(name, "unknown field '" + name + "'; the fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        return new Safeguards(
                nullableInteger(body, "deletionThreshold"),
                nullableNumber(body, "deletionThresholdPercent"),
                duration(body, "deletionWindow"),
                RenamePolicy.fromWireName(string(body, "renamePolicy")),
                number(body, "quarantinePauseRatio"),
                integer(body, "quarantinePauseWindow"),
                integer(body, "quarantinePauseMinimum"),
                nullableString(body, "notificationUrl"));
    }

    private static JsonNode required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            throw new AdminInputException(field, field + " is missing; PUT takes the whole"
                    + " safeguards object, null where a setting is off");
        }
        return value;
    }

    private static Integer nullableInteger(JsonNode body, String field) {
        JsonNode value = required(body, field);
        return value.isNull() ? null : integer(body, field);
    }

    private static int integer(JsonNode body, String field) {
        JsonNode value = required(body, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new AdminInputException(field, field + " must be a whole number");
        }
        return value.intValue();
    }

    private static Double nullableNumber(JsonNode body, String field) {
        JsonNode value = required(body, field);
        return value.isNull() ? null : number(body, field);
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = required(body, field);
        if (!value.isNumber()) {
            throw new AdminInputException(field, field + " must be a number");
        }
        return value.doubleValue();
    }

    private static String nullableString(JsonNode body, String field) {
        JsonNode value = required(body, field);
        return value.isNull() ? null : string(body, field);
    }

    private static String string(JsonNode body, String field) {
        JsonNode value = required(body, field);
        if (!value.isString()) {
            throw new AdminInputException(field, field + " must be a string");
        }
        return value.stringValue();
    }

    private static Duration duration(JsonNode body, String field) {
        String value = string(body, field);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new AdminInputException(field, field
                    + " must be an ISO-8601 duration such as PT40M");
        }
    }
}
