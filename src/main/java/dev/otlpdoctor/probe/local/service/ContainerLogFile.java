package dev.otlpdoctor.probe.local.service;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a container's log file, read directly (read-only) where the runtime keeps it:
 * <ul>
 *   <li>Docker's json-file driver: one JSON object a line, {@code {"log":"…\n","stream":"stderr","time":"RFC 3339"}},
 *       a line longer than 16 KiB split over several objects whose {@code log} lacks the final newline;</li>
 *   <li>the CRI format of kubelet (containerd, CRI-O) and podman's k8s-file driver:
 *       {@code TIME STREAM TAG MESSAGE}, TAG {@code F} for a full line or {@code P} for a part of one.</li>
 * </ul>
 * Only the last {@link #MAX_BYTES} are read, and of those the last {@link #MAX_LINES} lines kept.
 */
final class ContainerLogFile {
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_LINES = 200;

    /** How the runtime wrote the file. */
    enum Format { DOCKER_JSON, CRI }

    private ContainerLogFile() {
    }

    /** The last lines of {@code file}; {@code shown} is its path as the user knows it. */
    static List<LogLine> tail(Path file, String shown, Format format) throws IOException {
        String text = readTail(file);
        List<LogLine> lines = format == Format.DOCKER_JSON ? dockerJson(text, shown) : cri(text, shown);
        return lines.size() > MAX_LINES ? List.copyOf(lines.subList(lines.size() - MAX_LINES, lines.size())) : lines;
    }

    /** The last MAX_BYTES of the file, starting at a line boundary. */
    private static String readTail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - MAX_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (start > 0) {
                int nl = text.indexOf('\n');
                text = nl < 0 ? "" : text.substring(nl + 1); // the first line was cut: dropped, never half-read
            }
            return text;
        }
    }

    static List<LogLine> dockerJson(String text, String source) {
        List<LogLine> out = new ArrayList<>();
        StringBuilder partial = new StringBuilder();
        for (String raw : text.split("\n")) {
            if (!raw.startsWith("{")) {
                continue;
            }
            JsonObject entry;
            try {
                entry = JsonParser.parseString(raw).getAsJsonObject();
            } catch (JsonParseException | IllegalStateException e) {
                continue;
            }
            JsonElement log = entry.get("log");
            if (log == null || !log.isJsonPrimitive()) {
                continue;
            }
            partial.append(log.getAsString());
            if (partial.charAt(partial.length() - 1) != '\n' && partial.length() < MAX_BYTES) {
                continue; // a long line split by the driver: the rest follows
            }
            String line = partial.toString().stripTrailing();
            partial.setLength(0);
            if (!line.isBlank()) {
                out.add(new LogLine(time(entry.get("time") == null ? null : entry.get("time").getAsString()), line, source));
            }
        }
        return out;
    }

    static List<LogLine> cri(String text, String source) {
        List<LogLine> out = new ArrayList<>();
        StringBuilder partial = new StringBuilder();
        for (String raw : text.split("\n")) {
            String[] f = raw.split(" ", 4);
            if (f.length < 3) {
                continue;
            }
            partial.append(f.length == 4 ? f[3] : "");
            if (f[2].equals("P") && partial.length() < MAX_BYTES) {
                continue;
            }
            String line = partial.toString().stripTrailing();
            partial.setLength(0);
            if (!line.isBlank()) {
                out.add(new LogLine(time(f[0]), line, source));
            }
        }
        return out;
    }

    private static Instant time(String rfc3339) {
        if (rfc3339 == null) {
            return null;
        }
        try {
            return Instant.parse(rfc3339);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
