package dev.otlpdoctor.envlint;

import dev.otlpdoctor.DoctorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a user's input file as UTF-8 text, refusing files over a size cap; problems are usage errors (exit 2). */
final class InputFile {
    private InputFile() {
    }

    static String read(Path file, int maxBytes) {
        String label = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw DoctorException.usage(label + ": larger than " + (maxBytes / 1024) + " KiB: refusing to read it");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw DoctorException.usage(label + ": no such file");
        } catch (IOException e) {
            throw DoctorException.usage(label + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
