package dev.otlpdoctor.report;

import dev.otlpdoctor.Printable;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Target;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Human output: the verdict first, then the diagnosis with its numbered fix, then one line per probe
 * with a status mark; {@code -v} adds each finding's detail, evidence and steps.
 */
public final class TextRenderer {
    private static final Map<Severity, String> SUMMARY_WORDS = Map.of(Severity.PASS, "passed", Severity.INFO, "info",
            Severity.SKIP, "skipped", Severity.WARN, "warned", Severity.FAIL, "failed");
    private final Style style;
    private final FindingText findingText;
    private final boolean verbose;
    private final boolean summaryOnly;

    public TextRenderer(Style style, boolean verbose) {
        this(style, verbose, false);
    }

    /** @param summaryOnly only the verdict, the root cause and the targets' table ({@code check --summary}) */
    public TextRenderer(Style style, boolean verbose, boolean summaryOnly) {
        this.style = style;
        this.findingText = new FindingText(style);
        this.verbose = verbose;
        this.summaryOnly = summaryOnly;
    }

    public void render(Report report, PrintWriter out) {
        Severity status = report.status();
        out.println(style.mark(status) + "  " + style.bold(style.wrap(Printable.line(report.verdict()), 6, "      ")));
        Diagnosis diagnosis = report.diagnosis();
        if (diagnosis != null) {
            out.println();
            out.println("  " + style.wrap(Printable.line(diagnosis.summary()), 2, "  "));
            if (!diagnosis.hop().onPath().isEmpty()) {
                out.println("  Broken hop: " + diagnosis.hop().onPath());
            }
            if (!diagnosis.remediation().isEmpty()) {
                out.println();
                out.println("  Fix (" + diagnosis.code() + "):");
                FindingText.steps(diagnosis.remediation(), "    ", out);
            }
            if (!diagnosis.alsoCheck().isEmpty()) {
                out.println("  Also check: " + style.wrap(Printable.line(String.join(", ", diagnosis.alsoCheck())), 14,
                        "    "));
            }
            out.println("  More: otlpdoctor explain " + diagnosis.code());
        }
        boolean fleet = report.results().size() > 1;
        if (fleet || summaryOnly) {
            out.println();
            renderTable(report.results(), out);
        }
        if (summaryOnly) {
            out.println();
            out.println(style.faint(summaryLine(report)));
            return;
        }
        // One column width for every target's probe lines, measured once (a fleet has thousands of targets).
        List<ProbeRun> probes = report.probes();
        int probeWidth = probes.stream().mapToInt(p -> p.probe().length()).max().orElse(3);
        int endpointWidth = probes.stream().mapToInt(p -> p.endpoint().length()).max().orElse(10);
        for (TargetResult result : report.results()) {
            // In a run over many targets, only the ones with problems are detailed (all with -v).
            if (!fleet || verbose || result.status() != Severity.PASS) {
                out.println();
                renderTarget(result, probeWidth, endpointWidth, out);
            }
        }
        renderRunLevel(report, out);
        out.println();
        out.println(style.faint(summaryLine(report)));
    }

    private void renderTable(List<TargetResult> results, PrintWriter out) {
        int width = Math.max(6, results.stream().mapToInt(r -> Printable.line(r.target().input()).length()).max().orElse(6));
        out.println(style.bold(pad("TARGET", width) + "  STATUS  CAUSE"));
        for (TargetResult result : results) {
            String cause = result.diagnosis() == null ? result.verdict()
                    : result.diagnosis().code() + "  " + result.verdict();
            out.println(pad(Printable.line(result.target().input()), width) + "  " + style.mark(result.status()) + "    "
                    + Printable.line(cause));
        }
    }

    private void renderTarget(TargetResult result, int probeWidth, int endpointWidth, PrintWriter out) {
        Target target = result.target();
        out.println(style.bold("Target " + Printable.line(target.input())) + "  "
                + style.faint("(" + Printable.line(target.source().describe()) + ")"));
        List<String> addresses = result.addresses();
        if (!addresses.isEmpty()) {
            out.println("  addresses: " + String.join(", ", addresses));
        }
        for (Endpoint endpoint : target.endpoints()) {
            out.println("  endpoint:  " + endpoint.label() + " " + endpoint.transport()
                    + (endpoint.tls() ? " TLS" : "") + (endpoint.basePath().isEmpty() ? "" : " path " + endpoint.basePath())
                    + style.faint("  (" + endpoint.transportReason() + ")"));
        }
        for (ProbeRun run : result.probes()) {
            String head = "  " + style.mark(run.status()) + "  " + pad(run.probe(), probeWidth) + "  "
                    + pad(run.endpoint(), endpointWidth) + "  ";
            String indent = " ".repeat(2 + 4 + 2 + probeWidth + 2 + endpointWidth + 2);
            for (int i = 0; i < run.findings().size(); i++) {
                Finding finding = run.findings().get(i);
                String line = (i == 0 ? head : indent) + style.wrap(Printable.line(finding.title()), indent.length(),
                        indent);
                if (i == 0 && run.durationMs() > 0) {
                    line += style.faint("  " + run.durationMs() + " ms");
                }
                out.println(line);
                if (verbose) {
                    renderDetails(finding, indent + "  ", out);
                }
            }
        }
    }

    /** Steps of the whole run rather than of one target (the config lint of --config), with their findings. */
    private void renderRunLevel(Report report, PrintWriter out) {
        for (ProbeRun run : report.runLevel()) {
            out.println();
            out.println(style.bold(run.probe() + " " + run.endpoint()) + "  " + style.mark(run.status()));
            for (Finding finding : run.findings()) {
                Object file = finding.evidence().get("file");
                String where = file == null ? "" : file + ":" + finding.evidence().get("line") + ":"
                        + finding.evidence().get("column") + "  ";
                out.println("  " + style.mark(finding.severity()) + "  "
                        + style.wrap(Printable.line(where + finding.title()), 8, "        "));
                if (verbose) {
                    renderDetails(finding, "        ", out);
                }
            }
        }
    }

    private void renderDetails(Finding finding, String indent, PrintWriter out) {
        out.println(indent + style.faint(finding.code() + " (" + finding.severity().label() + ")"));
        findingText.details(finding, indent, Set.of(), out);
    }

    private static String summaryLine(Report report) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        report.probes().forEach(p -> counts.merge(p.status(), 1L, Long::sum));
        StringBuilder line = new StringBuilder(report.probes().size() + " probes:");
        String separator = " ";
        for (Severity severity : Severity.values()) {
            long n = counts.getOrDefault(severity, 0L);
            if (n > 0) {
                line.append(separator).append(n).append(' ').append(SUMMARY_WORDS.get(severity));
                separator = ", ";
            }
        }
        return line.append(" in ").append(report.durationMs()).append(" ms").toString();
    }


    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
