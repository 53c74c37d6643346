package dev.otlpdoctor.envlint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a certificate or key file named by an exporter variable can be loaded: it exists, is a
 * readable regular file, and starts like PEM. Only the first bytes are read and nothing of a file is
 * ever reported.
 */
public final class TlsFileCheck {
    private static final int HEAD_BYTES = 4096;

    private final Path workingDirectory;

    /** @param workingDirectory where relative paths are resolved, as the application would */
    public TlsFileCheck(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Why the file cannot be used, or empty when it looks loadable. */
    public Optional<String> problem(String path, boolean privateKey) {
        Path file;
        try {
            file = workingDirectory.resolve(path);
        } catch (RuntimeException e) {
            return Optional.of("is not a valid path");
        }
        if (!Files.exists(file)) {
            return Optional.of("does not exist");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("is not a regular file");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("is not readable by this user");
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.US_ASCII);
            if (!head.contains("-----BEGIN ")) {
                return Optional.of("is not PEM (no -----BEGIN line" + (privateKey ? "; a DER key must be converted: "
                        + "openssl pkcs8 -topk8 -nocrypt -inform DER -in KEY -out key.pem)" : ")"));
            }
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getClass().getSimpleName());
        }
        return Optional.empty();
    }
}
