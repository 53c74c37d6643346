package dev.otlpdoctor.lint.render;

import dev.otlpdoctor.lint.LintResult;
import dev.otlpdoctor.lint.Located;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Printable;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.Style;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Lint output for people: the verdict first, then the findings grouped by file, one line each as
 * {@code file:line:col  MARK  code  title}, so editors and terminals can jump to the place; {@code -v}
 * adds detail, evidence and the fix.
 */
public final class LintTextRenderer {
    private final Style style;
    private final boolean verbose;

    public LintTextRenderer(Style style, boolean verbose) {
        this.style = style;
        this.verbose = verbose;
    }

    public void render(LintResult result, PrintWriter out) {
        out.println(style.mark(result.status()) + "  " + style.bold(Printable.line(result.verdict())));
        String file = null;
        for (Finding finding : result.findings()) {
            Location at = Located.of(finding).orElse(new Location("?", 0, 0));
            if (!at.file().equals(file)) {
                file = at.file();
                out.println();
                out.println(style.bold(Printable.line(file)));
            }
            out.println("  " + Printable.line(at) + "  " + style.mark(finding.severity()) + "  " + finding.code() + "  "
                    + Printable.line(finding.title()));
            if (verbose) {
                details(finding, out);
            }
        }
        if (!result.findings().isEmpty()) {
            out.println();
            out.println(style.faint("More: otlpdoctor explain CODE; details and fixes: -v"));
        }
        out.flush();
    }

    private void details(Finding finding, PrintWriter out) {
        String indent = "      ";
        if (!finding.detail().isEmpty()) {
            out.println(indent + Printable.line(finding.detail()));
        }
        for (Map.Entry<String, Object> e : finding.evidence().entrySet()) {
            if (!e.getKey().equals("file") && !e.getKey().equals("line") && !e.getKey().equals("column")) {
                out.println(indent + style.faint(e.getKey() + ": ") + Printable.line(e.getValue()));
            }
        }
        if (finding.severity() != Severity.PASS && finding.severity() != Severity.SKIP) {
            for (int i = 0; i < finding.remediation().size(); i++) {
                String step = Printable.block(finding.remediation().get(i)).replace("\n", "\n" + indent + "   ");
                out.println(indent + (i + 1) + ". " + step);
            }
        }
    }
}
