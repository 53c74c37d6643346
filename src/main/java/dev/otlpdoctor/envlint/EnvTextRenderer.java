package dev.otlpdoctor.envlint;

import dev.otlpdoctor.Printable;
import dev.otlpdoctor.otlp.OtlpHeaders;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.FindingText;
import dev.otlpdoctor.report.Style;
import dev.otlpdoctor.report.TextRenderer;
import dev.otlpdoctor.target.ExporterEndpoint;
import dev.otlpdoctor.target.ExporterOption;
import dev.otlpdoctor.target.ExporterTls;
import dev.otlpdoctor.target.Setting;
import dev.otlpdoctor.target.SignalExporter;
import dev.otlpdoctor.target.Transport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Human output of {@code env}: the verdict, the effective settings of each signal with the source of
 * each, then the findings with their fix. Header values are never printed, only their names.
 */
public final class EnvTextRenderer {
    private final Style style;
    private final FindingText findingText;
    private final boolean verbose;

    public EnvTextRenderer(Style style, boolean verbose) {
        this.style = style;
        this.findingText = new FindingText(style);
        this.verbose = verbose;
    }

    public void render(EnvReport report, PrintWriter out) {
        out.println(style.mark(report.status()) + "  " + style.bold(Printable.line(report.verdict())));
        out.println();
        EnvInput input = report.input();
        out.println(style.bold("Settings from " + Printable.line(input.description()))
                + style.faint("  (container: " + (input.where().known() ? (input.where().inContainer() ? "yes" : "no")
                : "unknown") + ", " + input.where().reason() + ")"));
        for (SignalExporter signal : report.signals()) {
            renderSignal(signal, out);
        }
        if (!report.findings().isEmpty()) {
            out.println();
            out.println(style.bold("Findings"));
            for (Finding finding : report.findings()) {
                renderFinding(finding, out);
            }
        }
        if (report.check() != null || !report.checkNotes().isEmpty()) {
            out.println();
            out.println(style.bold("Check of the effective endpoints"));
            report.checkNotes().forEach(n -> out.println("  " + style.faint("not reproduced: " + Printable.line(n))));
            if (report.check() != null) {
                new TextRenderer(style, verbose).render(report.check(), out);
            }
        }
        out.flush();
    }

    private void renderSignal(SignalExporter signal, PrintWriter out) {
        out.println();
        String name = String.format("%-8s", signal.signal().label());
        if (!signal.otlpEnabled()) {
            out.println("  " + style.bold(name) + " not exported over OTLP" + from(signal.exporter()));
            return;
        }
        ExporterEndpoint endpoint = signal.endpoint();
        out.println("  " + style.bold(name) + " " + (endpoint == null ? "(endpoint not usable)" : Printable.line(endpoint.url())));
        if (endpoint != null) {
            String how = endpoint.setting() == null ? "default: no endpoint variable set"
                    : endpoint.setting().describe() + (endpoint.perSignal() ? ", used as-is"
                    : signal.protocol() != null && signal.protocol().transport() == Transport.HTTP
                            ? ", " + signal.signal().httpPath() + " appended" : "");
            row(out, "endpoint", style.faint(how));
        } else {
            row(out, "endpoint", signal.option(ExporterOption.ENDPOINT).map(Setting::describe).orElse(""));
        }
        row(out, "protocol", (signal.protocol() == null ? "(invalid)" : signal.protocol().value())
                + signal.option(ExporterOption.PROTOCOL).map(this::from).orElse(style.faint("  (default)")));
        Optional<Setting> headers = signal.option(ExporterOption.HEADERS);
        row(out, "headers", headers.map(h -> {
            List<String> names = OtlpHeaders.parseList(h.value(), OtlpHeaders.ENV).names();
            return (names.isEmpty() ? "(none)" : String.join(", ", names)) + from(h);
        }).orElse(style.faint("none")));
        row(out, "tls", tls(signal));
        for (ExporterOption option : List.of(ExporterOption.CERTIFICATE, ExporterOption.CLIENT_CERTIFICATE,
                ExporterOption.CLIENT_KEY, ExporterOption.TIMEOUT, ExporterOption.COMPRESSION)) {
            signal.option(option).ifPresent(s -> row(out, label(option), s.value().trim() + from(s)));
        }
    }

    private String tls(SignalExporter signal) {
        ExporterTls tls = signal.tls();
        return (tls.enabled() ? "on" : "off") + style.faint("  (" + tls.reason() + ")");
    }

    private void renderFinding(Finding finding, PrintWriter out) {
        out.println("  " + style.mark(finding.severity()) + "  " + Printable.line(finding.title())
                + style.faint("  " + finding.code()));
        Object source = finding.evidence().get("source");
        if (source != null) {
            out.println("        " + style.faint("set in " + Printable.line(source)));
        }
        // The findings are what env is for: their fix shows without -v, the rest with it.
        if (verbose) {
            findingText.details(finding, "        ", Set.of("source"), out);
        } else {
            findingText.fix(finding, "        ", out);
        }
    }

    private String from(Setting setting) {
        return setting == null ? "" : style.faint("  from " + setting.describe());
    }

    private static void row(PrintWriter out, String key, String value) {
        out.println("           " + String.format("%-12s", key) + Printable.line(value));
    }

    private static String label(ExporterOption option) {
        return option.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
