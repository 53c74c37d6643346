package dev.otlpdoctor.listen;

/** The three OTLP signals, with the unit their items are counted in and the OTLP/HTTP path. */
public enum Signal {
    TRACES("traces", "spans", "/v1/traces"),
    METRICS("metrics", "data points", "/v1/metrics"),
    LOGS("logs", "log records", "/v1/logs");

    private final String label;
    private final String unit;
    private final String httpPath;

    Signal(String label, String unit, String httpPath) {
        this.label = label;
        this.unit = unit;
        this.httpPath = httpPath;
    }

    public String label() {
        return label;
    }

    /** What one item of this signal is: spans, data points, log records. */
    public String unit() {
        return unit;
    }

    public String httpPath() {
        return httpPath;
    }

    /** The signal whose OTLP/HTTP path is exactly {@code path}, or null (the collector's mux matches exactly). */
    static Signal forHttpPath(String path) {
        for (Signal s : values()) {
            if (s.httpPath.equals(path)) {
                return s;
            }
        }
        return null;
    }

    static Signal forLabel(String label) {
        for (Signal s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        return null;
    }
}
