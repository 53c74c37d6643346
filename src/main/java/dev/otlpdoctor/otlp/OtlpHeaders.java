package dev.otlpdoctor.otlp;

import dev.otlpdoctor.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers to send: {@code OTEL_EXPORTER_OTLP_HEADERS} (the OpenTelemetry specification's format:
 * comma-separated {@code key=value} pairs with URL-encoded values), then {@code -H key=value} options,
 * which replace an environment header of the same name. Error messages name the header, never its value.
 */
public final class OtlpHeaders {
    public static final String ENV = "OTEL_EXPORTER_OTLP_HEADERS";

    private OtlpHeaders() {
    }

    public static List<Header> resolve(Map<String, String> env, List<String> options) {
        Map<String, Header> byName = new LinkedHashMap<>();
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            for (String pair : fromEnv.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                Header header = parse(pair, "env " + ENV, true);
                byName.put(header.name(), header);
            }
        }
        for (String option : options) {
            Header header = parse(option, "-H", false);
            byName.put(header.name(), header);
        }
        return List.copyOf(new ArrayList<>(byName.values()));
    }

    private static Header parse(String pair, String source, boolean urlEncoded) {
        int eq = pair.indexOf('=');
        String name = (eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        // The text before '=' is not known to be a name until it is one: 'Authorization: Bearer s3cr3t' (curl's
        // syntax) has no '=', and 'Authorization: Basic dXNlcjpwYXNz=' has one inside the token. Only the
        // leading name characters are ever shown.
        String shown = leadingName(name);
        boolean curl = !shown.isEmpty() && name.startsWith(":", shown.length());
        if (eq < 0 && !curl) {
            shown = ""; // a bare word may be the token itself
        }
        if (eq < 0 || !name.chars().allMatch(OtlpHeaders::isTokenChar)) {
            String which = shown.isEmpty() ? "a header" : "header '" + shown + "'";
            throw new InvalidInputException(source + ": " + which + (curl
                    ? " is written 'name: value' (curl's syntax); write name=value, e.g. " + shown + "=<value>"
                    : eq < 0 ? " has no '=' (expected name=value)" : " has characters a header name cannot have"
                    + " (expected name=value)") + "; the rest is not shown, it may be a secret");
        }
        if (name.isEmpty()) {
            throw new InvalidInputException(source + ": a header has an empty name (expected name=value)");
        }
        String value = pair.substring(eq + 1).trim();
        if (urlEncoded) {
            try {
                // URLDecoder also turns '+' into a space, which the specification's percent-encoding does not.
                value = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(source + ": the value of header '" + name + "' is not valid URL encoding");
            }
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new InvalidInputException(source + ": the value of header '" + name + "' holds control characters");
        }
        return new Header(name, value, source);
    }

    /** The header-name characters at the start of {@code text}, at most 64 of them. */
    static String leadingName(String text) {
        int end = 0;
        while (end < text.length() && end < 64 && isTokenChar(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
