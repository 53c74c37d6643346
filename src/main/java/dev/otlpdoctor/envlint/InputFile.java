package dev.otlpdoctor.envlint;

import dev.otlpdoctor.BoundedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads a user's input file as UTF-8 text through {@link BoundedFile}; problems are usage errors (exit 2). */
final class InputFile {
    private InputFile() {
    }

    static String read(Path file, int maxBytes) {
        return new String(BoundedFile.read(file, file.toString(), maxBytes), StandardCharsets.UTF_8);
    }
}
