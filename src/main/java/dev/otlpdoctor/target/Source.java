package dev.otlpdoctor.target;

/**
 * Where a setting came from, so every effective endpoint can be reported with its origin:
 * a command-line argument, an environment variable, or otlpdoctor's default.
 *
 * @param kind {@code argument}, {@code env}, {@code file} or {@code default}
 * @param name the argument position, variable name or file location; empty for a default
 */
public record Source(String kind, String name) {

    public static Source argument(int position) {
        return new Source("argument", "TARGET #" + position);
    }

    public static Source env(String variable) {
        return new Source("env", variable);
    }

    public static Source defaulted() {
        return new Source("default", "");
    }

    /** A short phrase for text output, e.g. {@code env OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String describe() {
        if (kind.equals("default")) {
            return "default: no TARGET given and no OTEL_EXPORTER_OTLP_*ENDPOINT set";
        }
        return kind + " " + name;
    }
}
