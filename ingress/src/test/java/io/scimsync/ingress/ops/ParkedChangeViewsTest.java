package io.scimsync.ingress.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.ingress.admin.AdminInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ParkedChangeViewsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void idsWithoutBodyMeanEveryChange() {
        assertThat(ParkedChangeViews.ids(null)).isNull();
    }

    @Test
    void idsKeptOnceInOrder() {
        assertThat(ParkedChangeViews.ids(JSON.readTree("{\"ids\": [\"b\", \"a\", \"b\"]}")))
                .containsExactly("b", "a");
    }

    @Test
    void idsMissingFromBodyRejected() {
        assertField("{\"id\": [\"a\"]}", "id");
        assertField("{\"ids\": [\"a\"], \"all\": true}", "all");
        assertField("{}", "ids");
        assertField("{\"ids\": null}", "ids");
        assertField("{\"ids\": []}", "ids");
        assertField("{\"ids\": \"a\"}", "ids");
        assertField("{\"ids\": [1]}", "ids");
        assertField("null", "body");
        assertField("[\"a\"]", "body");
    }

    @Test
    void idsListBounded() {
        StringBuilder body = new StringBuilder("{\"ids\": [");
        for (int i = 0; i <= ParkedChangeViews.MAX_LISTED; i++) {
            body.append(i == 0 ? "" : ",").append("\"c-").append(i).append('"');
        }
        assertField(body.append("]}").toString(), "ids");
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> ParkedChangeViews.ids(JSON.readTree(body)))
                .isInstanceOfSatisfying(AdminInputException.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }
}
