package dev.otlpdoctor.lint;

import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * What lint found over a set of files, findings ordered by file, line and column.
 *
 * @param files the files linted, in the order given
 * @param findings every finding
 */
public record LintResult(List<String> files, List<Finding> findings) {
    public LintResult {
        files = List.copyOf(files);
        findings = findings.stream().sorted(order(files)).toList();
    }

    /** {@code fail} if any finding failed, else {@code warn} if any warned, else {@code pass}. */
    public Severity status() {
        Severity worst = Severity.PASS;
        for (Finding f : findings) {
            if (f.severity().atLeast(Severity.WARN)) {
                worst = Severity.worst(worst, f.severity());
            }
        }
        return worst;
    }

    /** One line: how many findings of which severity. */
    public String verdict() {
        long fail = count(Severity.FAIL);
        long warn = count(Severity.WARN);
        long info = count(Severity.INFO);
        if (findings.isEmpty()) {
            return "no problem found in " + files.size() + " file" + (files.size() == 1 ? "" : "s");
        }
        return fail + " failure" + (fail == 1 ? "" : "s") + ", " + warn + " warning" + (warn == 1 ? "" : "s") + ", "
                + info + " note" + (info == 1 ? "" : "s") + " in " + files.size() + " file" + (files.size() == 1 ? "" : "s");
    }

    private long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    private static Comparator<Finding> order(List<String> files) {
        return Comparator.<Finding>comparingInt(f -> Located.of(f).map(l -> files.indexOf(l.file())).orElse(-1))
                .thenComparingInt(f -> Located.of(f).map(Location::line).orElse(0))
                .thenComparingInt(f -> Located.of(f).map(Location::column).orElse(0));
    }
}
