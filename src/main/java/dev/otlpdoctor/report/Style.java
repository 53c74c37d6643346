package dev.otlpdoctor.report;

import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/** Colours for text output; plain text when colour is off (not a terminal, {@code --no-color}, {@code NO_COLOR}). */
public final class Style {
    private final Ansi ansi;

    public Style(boolean colour) {
        this.ansi = colour ? Ansi.ON : Ansi.OFF;
    }

    /** A fixed-width status word: PASS, INFO, SKIP, WARN, FAIL, coloured by severity. */
    public String mark(Severity severity) {
        String word = severity.label().toUpperCase(Locale.ROOT);
        switch (severity) {
            case PASS:
                return paint("fg(green)", word);
            case FAIL:
                return paint("bold,fg(red)", word);
            case WARN:
                return paint("fg(yellow)", word);
            case INFO:
                return paint("fg(cyan)", word);
            default:
                return paint("faint", word);
        }
    }

    public String bold(String text) {
        return paint("bold", text);
    }

    public String faint(String text) {
        return paint("faint", text);
    }

    private String paint(String styles, String text) {
        if (ansi == Ansi.OFF) {
            return text;
        }
        // Escape picocli's markup characters so user-supplied text is shown as is.
        return ansi.string("@|" + styles + " " + text.replace("|@", "| @") + "|@");
    }
}
