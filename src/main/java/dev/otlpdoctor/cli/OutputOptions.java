package dev.otlpdoctor.cli;

import dev.otlpdoctor.report.Style;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * How every command presents its result: the format, colours, verbosity, and the writers output and
 * warnings go to. One mixin, so {@code -o}, {@code --no-color} and {@code -v} mean the same everywhere.
 */
public final class OutputOptions {

    /** Output formats; each command accepts the ones it can render ({@link #format(Format...)}). */
    public enum Format { TEXT, JSON, SARIF }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", converter = FormatName.class,
            completionCandidates = CompletionValues.OutputFormats.class,
            description = "text, json (one JSON document on stdout) or, for lint, sarif (2.1.0, for code scanning)."
                    + " Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set, or stdout is not a terminal).")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, description = "Show each finding's detail, evidence and fix.")
    boolean verbose;

    /** The format asked for, refused (exit 2) when this command cannot render it. */
    public Format format(Format... supported) {
        if (Arrays.asList(supported).contains(format)) {
            return format;
        }
        throw new ParameterException(command.commandLine(), "-o " + name(format) + ": " + command.name()
                + " writes " + String.join(" or ", Arrays.stream(supported).map(OutputOptions::name).toList()));
    }

    /** Whether JSON was asked for, for commands that render text or JSON. */
    public boolean json() {
        return format(Format.TEXT, Format.JSON) == Format.JSON;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Where the command's result goes (stdout, or the writer a test gave). */
    public PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Where warnings and progress go (stderr, or the writer a test gave), apart from the result. */
    public PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Whether this process talks to a person at a terminal (then colours and live lines make sense). */
    static boolean terminal() {
        return System.console() != null;
    }

    /**
     * Colour only on a terminal, and never with --no-color or a non-empty NO_COLOR (no-color.org); prose wrapped
     * to the terminal's width, and not wrapped in a pipe or a file.
     */
    public Style style(Map<String, String> env) {
        String noColorEnv = env.get("NO_COLOR");
        boolean terminal = terminal();
        return new Style(terminal && !noColor && (noColorEnv == null || noColorEnv.isEmpty()),
                terminal ? TerminalWidth.of(env) : 0);
    }

    /** Formats are written in lower case, as the help and completion spell them. */
    static final class FormatName implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format format : Format.values()) {
                if (name(format).equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new TypeConversionException("expected text, json or sarif (lint only), but was '" + value + "'");
        }
    }

    private static String name(Format format) {
        return format.name().toLowerCase(Locale.ROOT);
    }
}
