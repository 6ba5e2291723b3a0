package io.scimsync.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationHeaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "bearer abc", "BEARER abc", "  Bearer   abc  "})
    void bearerTokenIsExtracted(String header) {
        assertThat(AuthorizationHeader.bearerToken(header)).hasValue("abc");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic abc", "Bearerabc", "abc",
        "Bearer abc def", "Token abc"})
    void otherHeadersHaveNoBearerToken(String header) {
        assertThat(AuthorizationHeader.bearerToken(header)).isEmpty();
    }
}
