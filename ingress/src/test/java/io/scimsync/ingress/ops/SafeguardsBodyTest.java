package io.scimsync.ingress.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.ingress.admin.AdminInputException;
import io.scimsync.store.safeguard.InvalidSafeguardException;
import io.scimsync.store.safeguard.RenamePolicy;
import io.scimsync.store.safeguard.Safeguards;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SafeguardsBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void renderedDefaultsParseBackToThemselves() {
        String rendered = JSON.writeValueAsString(SafeguardsBody.render(Safeguards.DEFAULTS));

        assertThat(rendered).isEqualTo("{\"deletionThreshold\":500,\"deletionThresholdPercent\":null,"
                + "\"deletionWindow\":\"PT40M\",\"renamePolicy\":\"allow\","
                + "\"quarantinePauseRatio\":0.4,\"quarantinePauseWindow\":1000,"
                + "\"quarantinePauseMinimum\":100,\"notificationUrl\":null}");
        assertThat(SafeguardsBody.parse(JSON.readTree(rendered))).isEqualTo(Safeguards.DEFAULTS);
    }

    @Test
    void readsEverySetting() {
        Safeguards parsed = SafeguardsBody.parse(JSON.readTree("""
                {"deletionThreshold": null, "deletionThresholdPercent": 5,
                 "deletionWindow": "PT2H", "renamePolicy": "reject", "quarantinePauseRatio": 1,
                 "quarantinePauseWindow": 20, "quarantinePauseMinimum": 20,
                 "notificationUrl": "http://127.0.0.1:9/hook"}
                """));

        assertThat(parsed).isEqualTo(new Safeguards(null, 5.0, Duration.ofHours(2),
                RenamePolicy.REJECT, 1.0, 20, 20, "http://127.0.0.1:9/hook"));
    }

    @Test
    void wrongShapesNameTheirField() {
        String valid = JSON.writeValueAsString(SafeguardsBody.render(Safeguards.DEFAULTS));

        assertInputField(valid.replace("500", "\"500\""), "deletionThreshold");
        assertInputField(valid.replace("500", "5.5"), "deletionThreshold");
        assertInputField(valid.replace("0.4", "\"0.4\""), "quarantinePauseRatio");
        assertInputField(valid.replace("\"PT40M\"", "40"), "deletionWindow");
        assertInputField(valid.replace(",\"notificationUrl\":null", ""), "notificationUrl");
        assertInputField(valid.replace("{", "{\"extra\":1,"), "extra");
        assertInputField("[]", "body");
        assertThatThrownBy(() -> SafeguardsBody.parse(JSON.readTree(valid.replace("allow", "deny"))))
                .isInstanceOfSatisfying(InvalidSafeguardException.class,
                        e -> assertThat(e.field()).isEqualTo("renamePolicy"));
    }

    private static void assertInputField(String body, String field) {
        assertThatThrownBy(() -> SafeguardsBody.parse(JSON.readTree(body)))
                .isInstanceOfSatisfying(AdminInputException.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }
}
