package dev.otlpdoctor.report;

import java.util.List;

/**
 * The one definition of a finding code: what {@code otlpdoctor explain} prints, what
 * {@code docs/findings.md} is checked against, and the template every finding of the code is built from.
 * Title and remediation steps may hold {@code {placeholders}} filled from a finding's parameters.
 *
 * @param code stable dotted kebab-case code, e.g. {@code tcp.refused}
 * @param severity the usual severity (a finding may raise or lower it with a reason in its detail)
 * @param title one line, may hold placeholders
 * @param cause why this happens, in prose
 * @param evidence which facts the probe observed to report it
 * @param remediation ordered, concrete steps; may hold placeholders
 */
public record CatalogEntry(String code, Severity severity, String title, String cause, String evidence,
                           List<String> remediation) {
    public CatalogEntry {
        remediation = List.copyOf(remediation);
    }

    /** Starts a finding of this code. */
    public Finding.Builder finding() {
        return Finding.builder(this);
    }
}
