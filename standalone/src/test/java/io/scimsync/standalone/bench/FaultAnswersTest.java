package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.scimsync.standalone.bench.FaultAnswers.Kind;
import org.junit.jupiter.api.Test;

class FaultAnswersTest {

    @Test
    void successesAreAcknowledged() {
        assertThat(FaultAnswers.classify(new BenchHttp.Response(200, "{}")))
                .isEqualTo(Kind.ACKNOWLEDGED);
        assertThat(FaultAnswers.classify(new BenchHttp.Response(204, "")))
                .isEqualTo(Kind.ACKNOWLEDGED);
    }

    @Test
    void serviceUnavailableIsRetryable() {
        assertThat(FaultAnswers.classify(new BenchHttp.Response(503, "{}")))
                .isEqualTo(Kind.RETRYABLE);
    }

    @Test
    void connectionFailuresSplitByWhenTheyHappened() {
        assertThat(FaultAnswers.classify(new BenchHttp.Response(0,
                "java.net.ConnectException: Connection refused"))).isEqualTo(Kind.REFUSED);
        assertThat(FaultAnswers.classify(new BenchHttp.Response(0,
                "java.io.IOException: HTTP/1.1 header parser received no bytes")))
                .isEqualTo(Kind.DROPPED);
    }

    @Test
    void otherStatusesAreUnexpectedWithSamples() {
        FaultAnswers answers = new FaultAnswers();

        answers.record(new BenchHttp.Response(500, "{\"status\":\"500\"}"));
        answers.record(new BenchHttp.Response(409, "{\"status\":\"409\"}"));
        answers.record(new BenchHttp.Response(500, "{\"status\":\"500\"}"));
        answers.record(new BenchHttp.Response(204, ""));

        assertThat(answers.unexpected()).isEqualTo(Map.of(409, 1L, 500, 2L));
        assertThat(answers.unexpectedTotal()).isEqualTo(3);
        assertThat(answers.acknowledged()).isEqualTo(1);
        assertThat(answers.samples()).first().asString().startsWith("500 {");
    }
}
