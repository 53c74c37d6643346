package dev.otlpdoctor.target;

import dev.otlpdoctor.BoundedFile;
import dev.otlpdoctor.DoctorException;
import dev.otlpdoctor.probe.Deadline;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet file ({@code --targets-file}): one TARGET per line; blank lines and {@code #} comments (whole
 * line or after the target) are ignored. A bad line is an input error naming the file and line.
 */
public final class TargetsFile {
    /** Larger files are refused rather than read whole into memory. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private TargetsFile() {
    }

    /** The targets of the file; reading gives up when the run's deadline passes ({@code deadline} may be null). */
    public static List<Target> read(Path file, TargetParser parser, Deadline deadline) {
        List<String> lines = readLines(file, deadline);
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

    private static List<String> readLines(Path file, Deadline deadline) {
        String label = "--targets-file " + file;
        byte[] bytes = BoundedFile.read(file, label, MAX_BYTES, deadline);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            throw DoctorException.usage(label + ": not UTF-8 text");
        }
    }
}
