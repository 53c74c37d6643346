package dev.otlpdoctor.report;

import java.util.List;

/**
 * The most likely root cause of a run: one code, one sentence, the fix, and other causes to look at.
 *
 * @param code the finding code that names the root cause
 * @param title one line, also the text verdict
 * @param summary one or two sentences: what was observed and what it means
 * @param remediation the ordered fix
 * @param alsoCheck other codes of this run worth a look, most important first
 */
public record Diagnosis(String code, String title, String summary, List<String> remediation, List<String> alsoCheck) {
    public Diagnosis {
        remediation = List.copyOf(remediation);
        alsoCheck = List.copyOf(alsoCheck);
    }

    /** The hop of the target's path that is broken. */
    public Hop hop() {
        return Hop.of(code);
    }
}
