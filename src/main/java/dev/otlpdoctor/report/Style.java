package dev.otlpdoctor.report;

import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/**
 * How text output looks on its terminal: colours (off when not a terminal, {@code --no-color},
 * {@code NO_COLOR}) and the width prose is wrapped to (0: not wrapped, as in a pipe or a file).
 */
public final class Style {
    private final Ansi ansi;
    private final int width;

    public Style(boolean colour) {
        this(colour, 0);
    }

    public Style(boolean colour, int width) {
        this.ansi = colour ? Ansi.ON : Ansi.OFF;
        this.width = width;
    }

    /**
     * {@code text} wrapped to the terminal's width ({@link Wrap}): {@code used} columns are taken before it on
     * its first line, further lines start with {@code indent}.
     */
    public String wrap(String text, int used, String indent) {
        return Wrap.text(text, width, used, indent);
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
