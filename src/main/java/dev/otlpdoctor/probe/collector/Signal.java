package dev.otlpdoctor.probe.collector;

import java.util.Locale;

/** The three OTLP signals, with the item word the collector's counters use for each. */
public enum Signal {
    TRACES("spans"),
    METRICS("metric_points"),
    LOGS("log_records");

    private final String items;

    Signal(String items) {
        this.items = items;
    }

    /** The suffix of per-signal counter names: {@code spans}, {@code metric_points}, {@code log_records}. */
    public String items() {
        return items;
    }

    /** The signal's name as the collector writes it in {@code otel_signal} and {@code data_type} labels. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Signal ofItems(String items) {
        for (Signal s : values()) {
            if (s.items.equals(items)) {
                return s;
            }
        }
        return null;
    }

    static Signal ofLabel(String label) {
        for (Signal s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
