package io.scimsync.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenFileTest {

    @TempDir
    Path dir;

    @Test
    void generatedTokenIsUrlSafeBase64Of32Bytes() {
        String token = new AdminTokenFile(dir.resolve("admin-token")).readOrCreate();

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void generatedTokenIsWrittenToFile() throws IOException {
        Path file = dir.resolve("admin-token");

        String token = new AdminTokenFile(file).readOrCreate();

        assertThat(Files.readString(file).strip()).isEqualTo(token);
    }

    @Test
    void tokenFileIsReadableByOwnerOnly() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("admin-token");

        new AdminTokenFile(file).readOrCreate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void existingFileIsReused() {
        Path file = dir.resolve("admin-token");
        String first = new AdminTokenFile(file).readOrCreate();

        String second = new AdminTokenFile(file).readOrCreate();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void missingDataDirectoryIsCreated() {
        Path file = dir.resolve("new-data").resolve("admin-token");

        new AdminTokenFile(file).readOrCreate();

        assertThat(file).isRegularFile();
    }

    @Test
    void tokensDifferBetweenDataDirectories() {
        String first = new AdminTokenFile(dir.resolve("a").resolve("admin-token")).readOrCreate();
        String second = new AdminTokenFile(dir.resolve("b").resolve("admin-token")).readOrCreate();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("admin-token"), "\n");

        assertThatThrownBy(() -> new AdminTokenFile(file).readOrCreate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("delete it");
    }
}
