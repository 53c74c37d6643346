package dev.otlpdoctor.lint.render;

import dev.otlpdoctor.Printable;
import dev.otlpdoctor.lint.LintResult;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.FindingText;
import dev.otlpdoctor.report.Style;
import java.io.PrintWriter;
import java.util.Set;

/**
 * Lint output for people: the verdict first, then the findings grouped by file, one line each as
 * {@code file:line:col  MARK  code  title}, so editors and terminals can jump to the place; {@code -v}
 * adds detail, evidence and the fix.
 */
public final class LintTextRenderer {
    /** Evidence the {@code file:line:col} head already shows. */
    private static final Set<String> LOCATION = Set.of("file", "line", "column");
    private final Style style;
    private final FindingText findingText;
    private final boolean verbose;

    public LintTextRenderer(Style style, boolean verbose) {
        this.style = style;
        this.findingText = new FindingText(style);
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
                findingText.details(finding, "      ", LOCATION, out);
            }
        }
        if (!result.findings().isEmpty()) {
            out.println();
            out.println(style.faint("More: otlpdoctor explain CODE; details and fixes: -v"));
        }
        out.flush();
    }

}
