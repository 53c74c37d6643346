package dev.otlpdoctor.report;

import dev.otlpdoctor.Printable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How every text renderer (check, lint, env) prints what lies under a finding's one-line head: its
 * detail, its evidence, and its fix. One rule for all: the fix is printed for findings that need action
 * (warn and fail); a multi-line step keeps its shape, indented under the step's text.
 */
public final class FindingText {
    private final Style style;

    public FindingText(Style style) {
        this.style = style;
    }

    /** Detail, evidence (but the keys the head already shows) and fix, each line starting with {@code indent}. */
    public void details(Finding finding, String indent, Set<String> shownInHead, PrintWriter out) {
        if (!finding.detail().isEmpty()) {
            out.println(indent + style.wrap(Printable.line(finding.detail()), indent.length(), indent));
        }
        for (Map.Entry<String, Object> e : finding.evidence().entrySet()) {
            if (!shownInHead.contains(e.getKey())) {
                out.println(indent + style.faint(e.getKey() + ": ") + Printable.line(e.getValue()));
            }
        }
        fix(finding, indent, out);
    }

    /** The finding's fix when it needs action. */
    public void fix(Finding finding, String indent, PrintWriter out) {
        if (finding.severity().atLeast(Severity.WARN)) {
            steps(finding.remediation(), indent, out);
        }
    }

    /** Numbered steps; the lines of a multi-line step (YAML to write) align under its first line's text. */
    public static void steps(List<String> steps, String indent, PrintWriter out) {
        for (int i = 0; i < steps.size(); i++) {
            String number = (i + 1) + ". ";
            out.println(indent + number
                    + Printable.block(steps.get(i)).replace("\n", "\n" + indent + " ".repeat(number.length())));
        }
    }
}
