package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
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

    public static final CatalogEntry NOT_PROVEN = new CatalogEntry("run.not-proven", FAIL,
            "not proven: {missing}",
            "No probe failed, but the check did not see every requested signal accepted on every endpoint: the "
                    + "run's deadline came first, a probe was skipped, or an answer was neither an acceptance nor "
                    + "a refusal. A check passes only on proof (an accepted OTLP export per signal), never on "
                    + "connections alone.",
            "Per endpoint, the signals that were accepted and those that were not proven, and why the probes "
                    + "that would have proven them did not finish.",
            List.of("Give the run more time: otlpdoctor check … --timeout 15s",
                    "Run with -v to see which probe was skipped and why."));

    static final List<CatalogEntry> ALL = List.of(PROBE_SKIPPED, NOT_PROVEN);
}
