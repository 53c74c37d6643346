package dev.otlpdoctor.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The width of the terminal the report is shown on, for wrapping prose: {@code COLUMNS} when the shell
 * exports it, else what {@code stty size} reports for the controlling terminal; 0 (do not wrap) when
 * neither is known. Asked only when stdout is a terminal.
 */
final class TerminalWidth {
    private static final long STTY_MILLIS = 300;

    private TerminalWidth() {
    }

    static int of(Map<String, String> env) {
        int columns = parse(env.get("COLUMNS"));
        return columns > 0 ? columns : stty();
    }

    /** A positive column count, or 0. */
    static int parse(String value) {
        if (value == null || !value.trim().matches("\\d{1,4}")) {
            return 0;
        }
        return Integer.parseInt(value.trim());
    }

    private static int stty() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return 0;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(STTY_MILLIS, TimeUnit.MILLISECONDS)) {
                stty.destroyForcibly();
                return 0;
            }
            String[] rowsAndColumns = new String(stty.getInputStream().readNBytes(64), StandardCharsets.US_ASCII)
                    .trim().split("\\s+");
            return rowsAndColumns.length == 2 ? parse(rowsAndColumns[1]) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
