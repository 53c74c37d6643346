package dev.otlpdoctor.cli;

import dev.otlpdoctor.report.Style;
import java.util.Map;
import picocli.CommandLine.Option;

/** Output options shared by the commands that print reports. */
public final class OutputOptions {

    /** Output formats of report commands. */
    public enum Format { TEXT, JSON }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = CompletionValues.OutputFormats.class,
            description = "Output format: text or json (one JSON document on stdout). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set, or stdout is not a terminal).")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, description = "Show each finding's detail, evidence and fix.")
    boolean verbose;

    public boolean json() {
        return format == Format.JSON;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Colour only on a terminal, and never with --no-color or a non-empty NO_COLOR (no-color.org). */
    public Style style(Map<String, String> env) {
        return style(noColor, env);
    }

    /** The colour rule for commands with output options of their own. */
    static Style style(boolean noColor, Map<String, String> env) {
        String noColorEnv = env.get("NO_COLOR");
        boolean terminal = System.console() != null;
        return new Style(terminal && !noColor && (noColorEnv == null || noColorEnv.isEmpty()));
    }
}
