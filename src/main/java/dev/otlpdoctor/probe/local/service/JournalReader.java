package dev.otlpdoctor.probe.local.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.HostCommand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of a unit's journal, read with {@code journalctl -u UNIT -o json -n 200 --no-pager}
 * (read-only). journalctl's JSON output is one object per line (journalctl(1), "json"); MESSAGE is a string,
 * or an array of byte values when the message is not valid UTF-8 or holds control characters, and null when
 * it is larger than the field size limit; {@code __REALTIME_TIMESTAMP} is microseconds since the epoch as
 * a decimal string (systemd.journal-fields(7)).
 */
final class JournalReader {
    static final int MAX_LINES = 200;
    static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

    /** What the journal gave: its lines, or why there are none to read. */
    record Result(List<LogLine> lines, String unreadable) {
    }

    private JournalReader() {
    }

    static Result unit(HostCommand journalctl, String unit, Deadline deadline) throws InterruptedException {
        return read(journalctl, List.of("-u", unit, "-o", "json", "-n", Integer.toString(MAX_LINES), "--no-pager"),
                "journalctl -u " + unit, deadline);
    }

    static Result read(HostCommand journalctl, List<String> args, String source, Deadline deadline)
            throws InterruptedException {
        HostCommand.Result run = journalctl.run(args, deadline);
        if (!run.ok()) {
            String why = firstLine(run.stderr());
            return new Result(List.of(), run.error() + (why.isEmpty() ? "" : ": " + why));
        }
        List<LogLine> lines = parse(run.output(), source);
        // Without the adm or systemd-journal group a user sees only their own units' entries: journalctl says
        // so on stderr and prints nothing of the system's units, which is no evidence that nothing was logged.
        if (lines.isEmpty() && run.stderr().contains("not seeing messages from other users")) {
            return new Result(List.of(), "this user may not read the system journal (journalctl: " + firstLine(run.stderr())
                    + "): run as root, or as a member of the systemd-journal or adm group");
        }
        return new Result(lines, null);
    }

    static List<LogLine> parse(String output, String source) {
        List<LogLine> lines = new ArrayList<>();
        for (String raw : output.split("\n")) {
            if (raw.isBlank() || !raw.startsWith("{")) {
                continue;
            }
            JsonObject entry;
            try {
                entry = JsonParser.parseString(raw).getAsJsonObject();
            } catch (JsonParseException | IllegalStateException e) {
                continue; // a line cut by the output cap, or not journal JSON: skipped, never guessed at
            }
            String message = message(entry.get("MESSAGE"));
            if (message == null) {
                continue;
            }
            for (String part : message.split("\n")) {
                if (!part.isBlank()) {
                    lines.add(new LogLine(time(entry), part, source));
                }
            }
        }
        return lines;
    }

    private static String message(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            byte[] bytes = new byte[array.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) array.get(i).getAsInt();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.getAsString();
    }

    private static Instant time(JsonObject entry) {
        JsonElement micros = entry.get("__REALTIME_TIMESTAMP");
        if (micros == null || micros.isJsonNull()) {
            return null;
        }
        try {
            long value = Long.parseLong(micros.getAsString());
            return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstLine(String text) {
        String trimmed = text == null ? "" : text.strip();
        int nl = trimmed.indexOf('\n');
        String line = nl < 0 ? trimmed : trimmed.substring(0, nl);
        return LogRedactor.redact(line);
    }
}
