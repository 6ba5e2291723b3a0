package io.scimsync.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void generatedSecretIsPrefixedUrlSafeBase64() {
        String secret = TokenSecrets.generate();

        assertThat(secret).startsWith("scim_");
        assertThat(secret.substring(5)).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(TokenSecrets.isWellFormed(secret)).isTrue();
    }

    @Test
    void generatedSecretsDiffer() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(TokenSecrets.generate());
        }

        assertThat(secrets).hasSize(1000);
    }

    @Test
    void hashIsLowercaseHexSha256() {
        assertThat(TokenSecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void valuesOfAnotherShapeAreNotWellFormed() {
        String valid = TokenSecrets.generate();

        assertThat(TokenSecrets.isWellFormed(null)).isFalse();
        assertThat(TokenSecrets.isWellFormed("")).isFalse();
        assertThat(TokenSecrets.isWellFormed(valid + "A")).isFalse();
        assertThat(TokenSecrets.isWellFormed(valid.substring(1))).isFalse();
        assertThat(TokenSecrets.isWellFormed(valid.substring(0, 47) + "=")).isFalse();
        assertThat(TokenSecrets.isWellFormed("SCIM_" + valid.substring(5))).isFalse();
    }
}
