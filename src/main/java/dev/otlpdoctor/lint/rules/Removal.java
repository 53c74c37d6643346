package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.report.Severity;
import java.util.Optional;

/**
 * A collector change that breaks old configs: deprecated in one release, removed (or ignored) in a later
 * one. The severity follows the release the config is linted for.
 *
 * @param what the component or syntax, e.g. {@code exporter logging}
 * @param deprecated the release that deprecated it
 * @param removed the release from which it no longer works
 * @param removedSeverity how bad it is from {@code removed} on
 * @param removedVerb what happened in {@code removed}: {@code removed}, {@code ignored}…
 * @param replacement the concrete fix
 */
record Removal(String what, CollectorVersion deprecated, CollectorVersion removed, Severity removedSeverity,
               String removedVerb, String replacement) {

    /** The severity for a release, or empty when the release still supports it without deprecation. */
    Optional<Severity> severityFor(CollectorVersion version) {
        if (version.atLeast(removed)) {
            return Optional.of(removedSeverity);
        }
        return version.atLeast(deprecated) ? Optional.of(Severity.WARN) : Optional.empty();
    }

    String change(CollectorVersion version) {
        return version.atLeast(removed) ? removedVerb : "deprecated";
    }

    CollectorVersion since(CollectorVersion version) {
        return version.atLeast(removed) ? removed : deprecated;
    }
}
