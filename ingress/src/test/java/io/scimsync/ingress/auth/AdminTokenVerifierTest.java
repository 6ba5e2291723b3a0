package io.scimsync.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.ingress.auth.AdminTokenVerifier.Access;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminTokenVerifierTest {

    private final AdminTokenVerifier verifier = new AdminTokenVerifier("s3cret-admin");

    @Test
    void configuredTokenIsGranted() {
        assertThat(verifier.check("Bearer s3cret-admin")).isEqualTo(Access.GRANTED);
        assertThat(verifier.check("bearer s3cret-admin")).isEqualTo(Access.GRANTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer s3cret-admin2", "Bearer s3cret", "Bearer S3CRET-ADMIN"})
    void otherTokenIsWrong(String header) {
        assertThat(verifier.check(header)).isEqualTo(Access.WRONG_TOKEN);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Basic s3cret-admin", "s3cret-admin"})
    void headerWithoutBearerTokenIsMissing(String header) {
        assertThat(verifier.check(header)).isEqualTo(Access.MISSING_TOKEN);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void unconfiguredTokenDisablesEverything(String configured) {
        AdminTokenVerifier disabled = new AdminTokenVerifier(configured);

        assertThat(disabled.isEnabled()).isFalse();
        assertThat(disabled.check("Bearer ")).isEqualTo(Access.DISABLED);
        assertThat(disabled.check("Bearer anything")).isEqualTo(Access.DISABLED);
    }

    @Test
    void configuredTokenIsStripped() {
        AdminTokenVerifier fromFile = new AdminTokenVerifier("s3cret-admin\n");

        assertThat(fromFile.check("Bearer s3cret-admin")).isEqualTo(Access.GRANTED);
    }
}
