package io.scimsync.standalone.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin token of a standalone process started without {@code scimsync.admin-token}: 32
 * random bytes, URL-safe Base64 without padding, kept in a file that only its owner can read
 * (mode 600 on POSIX file systems) so that the next start reuses it.
 */
final class AdminTokenFile {

    private static final Logger log = LoggerFactory.getLogger(AdminTokenFile.class);

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    AdminTokenFile(Path file) {
        this.file = file;
    }

    /**
     * Returns the token stored in the file, generating and writing one when the file is missing.
     *
     * @throws IllegalStateException when the file exists but contains no token
     */
    String readOrCreate() {
        if (Files.exists(file)) {
            log.info("Using the admin token in {}", file);
            return read();
        }
        String token = generate();
        write(token);
        log.info("Generated an admin token and wrote it to {}", file);
        return token;
    }

    private String read() {
        try {
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (token.isEmpty()) {
                throw new IllegalStateException("Admin token file " + file + " is empty: "
                        + "delete it to generate a new token, or set scimsync.admin-token");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read admin token file " + file, e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes to a private temporary file first, so a crash never leaves a partial token. */
    private void write(String token) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".admin-token", ".tmp",
                    ownerOnly());
            Files.writeString(temporary, token + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write admin token file " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        };
    }
}
