package io.scimsync.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates encoded sample events of every type against the JSON Schema files with the
 * networknt validator, and checks that the schemas reject what the contract forbids.
 */
class EventSchemaValidationTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final IdentityEventCodec codec = new IdentityEventCodec();

    private static Schema schema(String folder, IdentityEventType type) {
        JsonNode json = EventSchemas.read(folder, type.suffix());
        assertThat(json).as(EventSchemas.fileName(folder, type.suffix())).isNotNull();
        return REGISTRY.getSchema(json);
    }

    private ObjectNode encoded(IdentityEvent event) {
        return (ObjectNode) MAPPER.readTree(codec.encode(event));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::getMessage).toList();
    }

    @Test
    void everyTypeHasSchemaResource() {
        for (IdentityEventType type : IdentityEventType.values()) {
            assertThat(EventSchemaValidationTest.class.getResource(type.schemaResource()))
                    .as(type.schemaResource()).isNotNull();
        }
    }

    @Test
    void sampleEventsMatchCurrentSchemas() {
        for (IdentityEvent event : SampleEvents.oneOfEach()) {
            List<Error> errors = schema(EventSchemas.CURRENT, event.type())
                    .validate(encoded(event));

            assertThat(messages(errors)).as(event.type().suffix()).isEmpty();
        }
    }

    @Test
    void sampleEventsMatchReleasedSchemas() {
        for (IdentityEvent event : SampleEvents.oneOfEach()) {
            List<Error> errors = schema(EventSchemas.RELEASED_V1, event.type())
                    .validate(encoded(event));

            assertThat(messages(errors)).as(event.type().suffix()).isEmpty();
        }
    }

    @Test
    void minimalProfilesMatchSchemas() {
        IdentityEventFactory factory = new IdentityEventFactory("t-1", "c-9", SampleEvents.APPLIED);
        UserProfile minimal = new UserProfile("a@contoso.example", null, null, null, null, null,
                null, null, null, null, List.of());
        List<IdentityEvent> events = List.of(
                factory.user("u-2", null, minimal, 1).get(0),
                factory.group("g-2", null, new GroupProfile("Sales", null), 1).get(0));

        for (IdentityEvent event : events) {
            List<Error> errors = schema(EventSchemas.CURRENT, event.type())
                    .validate(encoded(event));

            assertThat(messages(errors)).as(event.type().suffix()).isEmpty();
        }
    }

    @Test
    void eventUnderOtherTypesSchemaIsInvalid() {
        IdentityEvent created = SampleEvents.oneOfEach().get(0);

        List<Error> errors = schema(EventSchemas.CURRENT, IdentityEventType.USER_DELETED)
                .validate(encoded(created));

        assertThat(errors).extracting(Error::getKeyword).contains("pattern");
    }

    @Test
    void renameWithoutPreviousNameIsInvalid() {
        IdentityEvent renamed = SampleEvents.oneOfEach().get(4);
        ObjectNode json = encoded(renamed);
        ((ObjectNode) json.get("data")).remove("previousPrincipalName");

        List<Error> errors = schema(EventSchemas.CURRENT, renamed.type()).validate(json);

        assertThat(errors).extracting(Error::getKeyword).containsExactly("required");
    }

    @Test
    void unpaddedSequenceIsInvalid() {
        IdentityEvent created = SampleEvents.oneOfEach().get(0);
        ObjectNode json = encoded(created);
        json.put("sequence", "1");

        List<Error> errors = schema(EventSchemas.CURRENT, created.type()).validate(json);

        assertThat(errors).extracting(Error::getKeyword).containsExactly("pattern");
    }

    @Test
    void unknownMembershipKindIsInvalid() {
        IdentityEvent added = SampleEvents.oneOfEach().get(9);
        ObjectNode json = encoded(added);
        ((ObjectNode) json.get("data")).put("membership", "nested");

        List<Error> errors = schema(EventSchemas.CURRENT, added.type()).validate(json);

        assertThat(errors).extracting(Error::getKeyword).containsExactly("enum");
    }

    @Test
    void extensionAttributesAndNewFieldsAreValid() {
        IdentityEvent updated = SampleEvents.oneOfEach().get(1);
        ObjectNode json = encoded(updated);
        json.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        ((ObjectNode) json.get("data").get("profile")).put("costCenter", "4711");

        assertThat(messages(schema(EventSchemas.CURRENT, updated.type()).validate(json)))
                .isEmpty();
    }
}
