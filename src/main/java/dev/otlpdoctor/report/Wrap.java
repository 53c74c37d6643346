package dev.otlpdoctor.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Prose wrapped to the terminal's width at spaces, each further line under the first one's text, so a
 * long diagnosis reads as a paragraph instead of the terminal's hard breaks. Commands and YAML in fix
 * steps are never wrapped: they are copied as they are.
 */
public final class Wrap {
    /** Narrower than this, wrapping would do more harm than good. */
    private static final int MIN_TEXT = 30;

    private Wrap() {
    }

    /**
     * {@code text} as lines of at most {@code width} columns, the first after {@code used} columns already
     * taken on its line, the others prefixed with {@code indent}. A width of 0 means: do not wrap.
     */
    public static String text(String text, int width, int used, String indent) {
        if (width <= 0 || used + text.length() <= width || width - Math.max(used, indent.length()) < MIN_TEXT) {
            return text;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int room = width - used;
        for (String word : text.split(" ", -1)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
                room = width - indent.length();
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return String.join("\n" + indent, lines);
    }
}
