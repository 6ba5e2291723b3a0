package io.scimsync.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class StandaloneSettingsTest {

    @Test
    void defaultsApplyWithoutProperties() {
        StandaloneSettings settings = StandaloneSettings.from(new MockEnvironment());

        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.mongoPort()).isEqualTo(27017);
        assertThat(settings.mongoDatabase()).isEqualTo("scimsync");
    }

    @Test
    void propertiesOverrideDefaults() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("scimsync.data-dir", "/var/lib/scimsync")
                .withProperty("scimsync.standalone.kafka-port", "0")
                .withProperty("scimsync.standalone.mongo-port", "27018")
                .withProperty("scimsync.standalone.mongo-database", "directory");

        StandaloneSettings settings = StandaloneSettings.from(environment);

        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/scimsync"));
        assertThat(settings.kafkaPort()).isZero();
        assertThat(settings.mongoPort()).isEqualTo(27018);
        assertThat(settings.mongoDatabase()).isEqualTo("directory");
    }

    @Test
    void environmentVariablesAreRead() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test",
                Map.of("SCIMSYNC_DATA_DIR", "/srv/scimsync",
                        "SCIMSYNC_STANDALONE_KAFKA_PORT", "19092")));

        StandaloneSettings settings = StandaloneSettings.from(environment);

        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/scimsync"));
        assertThat(settings.kafkaPort()).isEqualTo(19092);
    }

    @Test
    void layoutLivesUnderDataDirectory() {
        StandaloneSettings settings =
                new StandaloneSettings(Path.of("/d"), 0, 0, "scimsync");

        assertThat(settings.kafkaLogDir()).isEqualTo(Path.of("/d/kafka"));
        assertThat(settings.storeFile()).isEqualTo(Path.of("/d/store/directory.mv"));
        assertThat(settings.adminTokenFile()).isEqualTo(Path.of("/d/admin-token"));
    }

    @Test
    void portOutOfRangeIsRejected() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("scimsync.standalone.mongo-port", "70000");

        assertThatThrownBy(() -> StandaloneSettings.from(environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scimsync.standalone.mongo-port")
                .hasMessageContaining("70000");
    }

    @Test
    void nonNumericPortIsRejected() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("scimsync.standalone.kafka-port", "kafka");

        assertThatThrownBy(() -> StandaloneSettings.from(environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scimsync.standalone.kafka-port")
                .hasMessageContaining("'kafka'");
    }
}
