package dev.otlpdoctor.target;

import dev.otlpdoctor.BoundedFile;
import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.InvalidInputException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        String label = "--targets-file " + file;
        return parse(file.toString(), decode(BoundedFile.read(file, label, MAX_BYTES, deadline), label), parser);
    }

    /**
     * The targets of standard input ({@code --targets-file -}), e.g. from {@code kubectl ... | otlpdoctor check
     * --targets-file -}. Read on a thread of its own so an input that never ends (a terminal, an idle pipe)
     * costs the run no more than its deadline.
     */
    public static List<Target> readStandardInput(InputStream in, TargetParser parser, Deadline deadline) {
        String label = "--targets-file -";
        FutureTask<byte[]> read = new FutureTask<>(() -> in.readNBytes(MAX_BYTES + 1));
        Thread reader = new Thread(read, "otlpdoctor-targets-stdin");
        reader.setDaemon(true);
        reader.start();
        byte[] bytes;
        try {
            bytes = deadline == null ? read.get() : read.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new InvalidInputException(label + ": standard input not read within the run's deadline (--timeout)");
        } catch (ExecutionException e) {
            throw new InvalidInputException(label + ": standard input cannot be read (" + e.getCause().getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException(label + ": interrupted while reading standard input");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(label + ": larger than " + BoundedFile.size(MAX_BYTES) + ": refusing to read it");
        }
        return parse("stdin", decode(bytes, label), parser);
    }

    private static List<Target> parse(String name, List<String> lines, TargetParser parser) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String text = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (text.isEmpty()) {
                continue;
            }
            try {
                targets.add(parser.parse(text, Source.file(name, i + 1)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(name + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (targets.isEmpty()) {
            String file = name.equals("stdin") ? "-" : name;
            throw new InvalidInputException("--targets-file " + file + ": no target in the "
                    + (name.equals("stdin") ? "input" : "file") + " (one per line, # for comments)");
        }
        return targets;
    }

    private static List<String> decode(byte[] bytes, String label) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(label + ": not UTF-8 text");
        }
    }
}
