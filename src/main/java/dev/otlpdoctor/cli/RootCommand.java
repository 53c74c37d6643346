package dev.otlpdoctor.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code otlpdoctor}: the top command; it only groups the subcommands and the global options. */
@Command(name = "otlpdoctor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Find out why telemetry does not reach an OpenTelemetry Collector over OTLP, and how to fix it.",
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nExamples:%n",
        footer = {
            "  otlpdoctor check collector-host          # OTLP/gRPC 4317 and OTLP/HTTP 4318",
            "  otlpdoctor check collector:4317 -o json | jq .diagnosis.code",
            "  otlpdoctor check \"$OTEL_EXPORTER_OTLP_ENDPOINT\" || exit 1",
            "  otlpdoctor explain tcp.refused",
            "  otlpdoctor lint otel-collector.yaml k8s/collector.yaml",
            "",
            "Exit codes: 0 no failure, 1 a check failed, 2 usage or input error, 3 internal error."})
public final class RootCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order help lists them. Not in the {@code @Command} annotation: picocli
     * builds the model of every listed subcommand up front, so {@link Subcommands} registers only those
     * a command line needs.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(CheckCommand.class, LintCommand.class, EnvCommand.class,
            ListenCommand.class, ExplainCommand.class, CompletionCommand.class, HelpCommand.class);

    private final Map<String, String> env;
    private final InputStream in;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors (for bug reports).")
    private boolean debug;

    public RootCommand(Map<String, String> env) {
        this(env, System.in);
    }

    public RootCommand(Map<String, String> env, InputStream in) {
        this.env = env;
        this.in = in;
    }

    /** Standard input (or the stream a test gave), read for {@code -} in place of a file name. */
    public InputStream in() {
        return in;
    }

    /** The process environment (injected, so tests control it). */
    public Map<String, String> env() {
        return env;
    }

    /** Where command output goes (stdout, or the writer a test gave). */
    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where warnings go (stderr, or the writer a test gave). */
    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    public boolean debug() {
        return debug;
    }

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing COMMAND (one of: "
                + String.join(", ", spec.subcommands().keySet()) + ")");
    }
}
