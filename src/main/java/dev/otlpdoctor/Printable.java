package dev.otlpdoctor;

/**
 * Text made safe for a terminal before a text renderer prints it. Findings quote what peers said (a
 * grpc-message, a partial-success message, a Content-Type, a Retry-After, a body excerpt) and what files
 * hold; printed raw, an ESC sequence could rewrite the screen and a line break could forge a "PASS" line.
 * Control characters (C0, DEL, C1), line and paragraph separators and the bidirectional overrides are
 * shown as escapes ({@code \x1b}, {@code \u202e}) instead. JSON and SARIF need none of this: their
 * encoders escape control characters already.
 */
public final class Printable {
    private Printable() {
    }

    /** One line: every control character escaped, line breaks included. */
    public static String line(Object value) {
        return escape(String.valueOf(value), false);
    }

    /** Text whose own line breaks are kept (multi-line fix steps); every other control character is escaped. */
    public static String block(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepNewlines) {
        int first = firstUnsafe(text, keepNewlines);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c, keepNewlines)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String text, boolean keepNewlines) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i), keepNewlines)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c, boolean keepNewlines) {
        if (c == '\n') {
            return !keepNewlines;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u061c' || c == '\u200e' || c == '\u200f' || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
