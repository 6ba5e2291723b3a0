package io.scimsync.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void nameBasedUuidMatchesRfcExample() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(EventIds.nameBased(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void sameInputGivesSameId() {
        assertThat(EventIds.eventId("t-1", "c-1", 0)).isEqualTo(EventIds.eventId("t-1", "c-1", 0));
    }

    @Test
    void indexChangeAndTenantEachChangeTheId() {
        String id = EventIds.eventId("t-1", "c-1", 0);

        assertThat(EventIds.eventId("t-1", "c-1", 1)).isNotEqualTo(id);
        assertThat(EventIds.eventId("t-1", "c-2", 0)).isNotEqualTo(id);
        assertThat(EventIds.eventId("t-2", "c-1", 0)).isNotEqualTo(id);
    }

    @Test
    void idIsVersionFiveUuid() {
        UUID id = UUID.fromString(EventIds.eventId("t-1", "c-1", 0));

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }
}
