package dev.otlpdoctor.report;

import java.util.Locale;

/** How much a finding matters. Declared in increasing order of weight: the worst one decides a status. */
public enum Severity {
    PASS,
    INFO,
    SKIP,
    WARN,
    FAIL;

    /** The lower-case name used in JSON and documentation. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity worst(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
