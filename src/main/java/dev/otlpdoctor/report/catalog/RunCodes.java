package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.SKIP;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/** Codes about the run itself rather than the collector. */
public final class RunCodes {
    private RunCodes() {
    }

    public static final CatalogEntry PROBE_SKIPPED = new CatalogEntry("probe.skipped", SKIP,
            "{probe} was not run: {reason}",
            "A probe depends on an earlier one that failed or was skipped, or the run's deadline "
                    + "(--timeout) left no time for it. otlpdoctor reports only what it observed, so the probe "
                    + "says why it did not run instead of guessing.",
            "The probe it depends on and that probe's status, or the time left of the deadline.",
            List.of("Fix the earlier failure first: the skipped probe runs once it passes.",
                    "If the deadline was reached, give the run more time, e.g. --timeout 15s."));

    static final List<CatalogEntry> ALL = List.of(PROBE_SKIPPED);
}
