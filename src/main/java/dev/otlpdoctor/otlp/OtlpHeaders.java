package dev.otlpdoctor.otlp;

import dev.otlpdoctor.DoctorException;
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
        if (eq < 0) {
            throw DoctorException.usage(source + ": header '" + name + "' has no value (expected name=value)");
        }
        if (name.isEmpty() || !name.chars().allMatch(OtlpHeaders::isTokenChar)) {
            throw DoctorException.usage(source + ": '" + name + "' is not a valid header name (expected name=value)");
        }
        String value = pair.substring(eq + 1).trim();
        if (urlEncoded) {
            try {
                // URLDecoder also turns '+' into a space, which the specification's percent-encoding does not.
                value = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw DoctorException.usage(source + ": the value of header '" + name + "' is not valid URL encoding");
            }
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw DoctorException.usage(source + ": the value of header '" + name + "' holds control characters");
        }
        return new Header(name, value, source);
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
