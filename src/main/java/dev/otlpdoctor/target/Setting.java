package dev.otlpdoctor.target;

/**
 * One environment variable as an application would see it, with where it was set.
 *
 * @param variable the variable name
 * @param value its value, untrimmed; may be a secret (headers), so reports print names, not values
 * @param source where it was set: the process environment, a dotenv line, a manifest entry
 */
public record Setting(String variable, String value, Source source) {

    /** {@code OTEL_EXPORTER_OTLP_ENDPOINT (app.env:3)}, or just the variable for the process environment. */
    public String describe() {
        return source.type() == Source.Type.ENV ? variable : variable + " (" + source.name() + ")";
    }
}
