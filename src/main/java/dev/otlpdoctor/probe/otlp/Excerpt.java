package dev.otlpdoctor.probe.otlp;

import java.nio.charset.StandardCharsets;

/** Bytes a peer sent, made safe to show: printable ASCII, other bytes as {@code \xNN}, capped in length. */
final class Excerpt {
    static final int MAX_CHARS = 120;

    private Excerpt() {
    }

    static String of(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length && out.length() < MAX_CHARS; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r') {
                out.append("\\r");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return length > 0 && out.length() >= MAX_CHARS ? out + "…" : out.toString();
    }

    static String of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return of(bytes, bytes.length);
    }
}
