package dev.otlpdoctor.lint.yaml;

import dev.otlpdoctor.report.Finding;
import java.util.Optional;

/**
 * Lint findings carry where they point as evidence {@code file}, {@code line} and {@code column} (1-based),
 * so the shared finding schema of {@code check} holds them unchanged (docs/lint.md).
 */
public final class Located {
    private Located() {
    }

    /** Adds the location to a finding being built. */
    public static Finding.Builder at(Finding.Builder finding, Location location) {
        return finding.evidence("file", location.file())
                .evidence("line", location.line())
                .evidence("column", location.column());
    }

    /** The location a finding points at, if it has one. */
    public static Optional<Location> of(Finding finding) {
        Object file = finding.evidence().get("file");
        Object line = finding.evidence().get("line");
        Object column = finding.evidence().get("column");
        if (file == null || !(line instanceof Integer l) || !(column instanceof Integer c)) {
            return Optional.empty();
        }
        return Optional.of(new Location(String.valueOf(file), l, c));
    }
}
