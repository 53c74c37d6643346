package dev.otlpdoctor.cli;

import dev.otlpdoctor.ExitCode;
import dev.otlpdoctor.report.JsonRenderer;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.TextRenderer;
import java.io.PrintWriter;
import java.util.Map;

/** Picks the renderer the output options ask for, and turns a report's status into the exit code. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(Report report, OutputOptions output, Map<String, String> env, PrintWriter out) {
        if (output.json()) {
            new JsonRenderer().render(report, out);
        } else {
            new TextRenderer(output.style(env), output.verbose()).render(report, out);
        }
        out.flush();
    }

    /** 1 when anything failed (or, with --strict, warned); 0 otherwise. */
    static int exitCode(Severity status, boolean strict) {
        boolean failed = status == Severity.FAIL || (strict && status == Severity.WARN);
        return (failed ? ExitCode.FINDINGS : ExitCode.OK).code();
    }
}
