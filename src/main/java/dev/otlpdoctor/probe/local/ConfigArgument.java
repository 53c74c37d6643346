package dev.otlpdoctor.probe.local;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One {@code --config} value of a collector: a file path, or a config URI the collector resolves through
 * a provider ({@code file:}, {@code env:}, {@code yaml:}, {@code http:}, {@code https:}).
 *
 * @param value the value as given on the command line (inline YAML values of secret-looking keys redacted)
 * @param scheme {@code file} for plain paths, else the URI scheme
 */
public record ConfigArgument(String value, String scheme) {
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):(?!\\\\)", Pattern.CASE_INSENSITIVE);

    static ConfigArgument parse(String raw) {
        var m = SCHEME.matcher(raw);
        // A Windows drive letter (C:\...) is a path, not a scheme; a one-letter scheme does not exist.
        if (m.find() && m.group(1).length() > 1) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            return new ConfigArgument(scheme.equals("yaml") ? redactInline(raw) : raw, scheme);
        }
        return new ConfigArgument(raw, "file");
    }

    /** The file to read when this names one ({@code /etc/otelcol/config.yaml} for {@code file:/etc/...}). */
    public String filePath() {
        if (scheme.equals("file")) {
            return value.startsWith("file:") ? value.substring("file:".length()) : value;
        }
        return null;
    }

    /** {@code yaml:exporters::otlp::headers::authorization: Bearer x} keeps its key path, not the value. */
    private static String redactInline(String raw) {
        int colon = raw.indexOf(": ", "yaml:".length());
        if (colon < 0 || !Redaction.SECRET.matcher(raw.substring(0, colon)).find()) {
            return raw;
        }
        return raw.substring(0, colon) + ": <redacted>";
    }
}
