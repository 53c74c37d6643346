package dev.otlpdoctor.listen.server;

import dev.otlpdoctor.listen.tally.TerminalText;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the first bytes of a connection are: a TLS handshake record, the HTTP/2 client preface (gRPC),
 * an HTTP/1.x request line, or something else. Pure functions over a byte prefix, so the port detection
 * is tested without sockets.
 */
public final class FirstBytes {
    public enum Sight { NEED_MORE, TLS, HTTP2_PREFACE, HTTP1, OTHER }

    /** RFC 9113 §3.4: every HTTP/2 connection over cleartext (h2c prior knowledge, i.e. gRPC) starts so. */
    public static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** "PRI * HTTP/2.0\r\n" is enough to tell: no HTTP/1.x method is PRI with that version. */
    private static final int PREFACE_DECISIVE = 16;
    /** The longest HTTP method listen expects to see (OPTIONS, CONNECT...); longer tokens are not HTTP. */
    private static final int MAX_METHOD = 10;

    private FirstBytes() {
    }

    public static Sight classify(byte[] b, int n) {
        if (n == 0) {
            return Sight.NEED_MORE;
        }
        // A TLS record: content type 22 (handshake), then the major version 3.
        if (b[0] == 0x16) {
            return n < 2 ? Sight.NEED_MORE : b[1] == 0x03 ? Sight.TLS : Sight.OTHER;
        }
        int m = Math.min(n, PREFACE.length);
        boolean preface = true;
        for (int i = 0; i < m && preface; i++) {
            preface = b[i] == PREFACE[i];
        }
        if (preface) {
            return n >= PREFACE_DECISIVE ? Sight.HTTP2_PREFACE : Sight.NEED_MORE;
        }
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            if (c == ' ') {
                return i > 0 ? Sight.HTTP1 : Sight.OTHER;
            }
            if (c < 'A' || c > 'Z' || i >= MAX_METHOD) {
                return Sight.OTHER;
            }
        }
        return Sight.NEED_MORE;
    }

    /** True once the request line and headers of an HTTP/1.x request are all in {@code b}. */
    static boolean headComplete(byte[] b, int n) {
        for (int i = 1; i < n; i++) {
            if (b[i] == '\n' && (b[i - 1] == '\n' || (i >= 2 && b[i - 1] == '\r' && b[i - 2] == '\n'))) {
                return true;
            }
        }
        return false;
    }

    /** The parts of an HTTP/1.x head that identify the exporter; fields are null when absent. */
    record Head(String requestLine, String userAgent, String contentType) {
    }

    /** Reads what is there of a head: {@code METHOD PATH}, User-Agent and Content-Type. */
    static Head head(byte[] b, int n) {
        String text = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", -1);
        String requestLine = null;
        String[] first = lines[0].split(" ");
        if (first.length >= 2) {
            requestLine = first[0] + " " + TerminalText.bounded(first[1], 200);
        }
        String userAgent = null;
        String contentType = null;
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = TerminalText.bounded(lines[i].substring(colon + 1).trim(), 200);
            if (name.equals("user-agent")) {
                userAgent = value;
            } else if (name.equals("content-type")) {
                contentType = value;
            }
        }
        return new Head(requestLine, userAgent, contentType);
    }
}
