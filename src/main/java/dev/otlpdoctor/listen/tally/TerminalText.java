package dev.otlpdoctor.listen.tally;

/**
 * Makes peer- and application-controlled text safe to print on a terminal: control characters (an
 * ESC sequence, a CR or LF that would forge a line), C1 controls and bidirectional overrides are
 * shown escaped, and the text is cut to a length. Everything listen prints that came from a client
 * (service and span names, paths, User-Agent, header names, attribute values...) goes through here.
 */
public final class TerminalText {
    /** Longest text printed for one name or value. */
    static final int MAX = 200;

    private TerminalText() {
    }

    public static String clean(String text) {
        return clean(text, MAX);
    }

    public static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (count++ == max) {
                out.append('…');
                break;
            }
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else if (unsafeFormat(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** Bidirectional embeddings, overrides and isolates, and marks: they reorder what follows them. */
    private static boolean unsafeFormat(int c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                || c == 0x061c || c == 0xfeff;
    }

    /** Cuts text kept in memory (names, attribute values) so a client cannot make one key huge. */
    public static String bounded(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
