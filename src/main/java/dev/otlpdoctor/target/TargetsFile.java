package dev.otlpdoctor.target;

import dev.otlpdoctor.DoctorException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet file ({@code --targets-file}): one TARGET per line; blank lines and {@code #} comments (whole
 * line or after the target) are ignored. A bad line is an input error naming the file and line.
 */
public final class TargetsFile {
    /** Larger files are refused rather than read whole into memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private TargetsFile() {
    }

    public static List<Target> read(Path file, TargetParser parser) {
        List<String> lines = readLines(file);
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String text = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (text.isEmpty()) {
                continue;
            }
            try {
                targets.add(parser.parse(text, Source.file(file.toString(), i + 1)));
            } catch (DoctorException e) {
                throw DoctorException.usage(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (targets.isEmpty()) {
            throw DoctorException.usage("--targets-file " + file + ": no target in the file (one per line, # for comments)");
        }
        return targets;
    }

    private static List<String> readLines(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw DoctorException.usage("--targets-file " + file + ": larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw DoctorException.usage("--targets-file " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw DoctorException.usage("--targets-file " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw DoctorException.usage("--targets-file " + file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
