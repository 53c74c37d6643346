package dev.otlpdoctor.cli;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.Printable;
import dev.otlpdoctor.check.Checker;
import dev.otlpdoctor.probe.Preparation;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/**
 * Entry point. The one place where failures become exit codes (README, "Exit codes"): bad usage and
 * bad input exit 2 with one line on stderr, a bug exits 3 with its stack trace only under {@code --debug}.
 */
public final class Main {
    /** Epoch milliseconds at which the command started; the run's deadline counts from then. */
    public static final String STARTED_AT = "OTLPDOCTOR_STARTED_AT";

    private Main() {
    }

    public static void main(String[] args) {
        if (asksForVersionOnly(args)) {
            // Answered without building the command model: picocli's classes are most of a fresh JVM's start-up,
            // and version checks run in install scripts and CI steps (docs/performance.md, start-up).
            for (String line : VersionProvider.lines()) {
                System.out.println(line);
            }
            System.exit(0);
        }
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        int code = run(args, System.in, out, err, withStartTime(System.getenv()));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** {@code otlpdoctor --version} or {@code -V} and nothing else: what picocli would answer with the same lines. */
    static boolean asksForVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /**
     * The environment with {@value #STARTED_AT} set: when the launcher handed over (it sets the variable
     * just before starting the JVM), else when this process started ({@code java -jar}). The run's deadline
     * counts from then, so JVM start-up is part of {@code --timeout}.
     */
    private static Map<String, String> withStartTime(Map<String, String> env) {
        if (env.containsKey(STARTED_AT)) {
            return env;
        }
        Map<String, String> copy = new HashMap<>(env);
        ProcessHandle.current().info().startInstant()
                .ifPresent(start -> copy.put(STARTED_AT, Long.toString(start.toEpochMilli())));
        return copy;
    }

    /** Runs one command line in-process with nothing on standard input. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return run(args, InputStream.nullInputStream(), out, err, env);
    }

    /** Runs one command line in-process, {@code in} standing for standard input; tests drive the CLI through this. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
        if (Subcommands.runs(args, CheckCommand.class)) {
            // Building the command model takes a fresh JVM about 100 ms on one core: the probes' TLS
            // stack and HTTP client start meanwhile on another.
            Preparation.startInBackground(Checker.standardChain());
        }
        RootCommand root = new RootCommand(env, in);
        CommandLine cli = Subcommands.commandLine(root, args)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(usageErrors(err))
                .setExecutionExceptionHandler(executionErrors(root, err));
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler: an Error (out of memory, stack overflow) of a
            // command arrives here, and is a bug like any other: one line, the stack with --debug.
            code = internalError(e, root, err);
        }
        out.flush();
        err.flush();
        return code;
    }

    private static IParameterExceptionHandler usageErrors(PrintWriter err) {
        return (ex, args) -> {
            CommandLine command = ex.getCommandLine();
            err.println(command.getCommandSpec().qualifiedName() + ": " + UsageSuggestions.describe(ex));
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitStatus.of(ex);
        };
    }

    private static IExecutionExceptionHandler executionErrors(RootCommand root, PrintWriter err) {
        return (ex, command, parseResult) -> {
            if (ex instanceof InvalidInputException invalid) {
                err.println("otlpdoctor: " + Printable.line(firstLine(invalid.getMessage())));
                if (root.debug() && invalid.getCause() != null) {
                    invalid.printStackTrace(err);
                }
                return ExitStatus.of(invalid);
            }
            return internalError(ex, root, err);
        };
    }

    private static int internalError(Throwable ex, RootCommand root, PrintWriter err) {
        err.println("otlpdoctor: internal error: " + firstLine(String.valueOf(ex))
                + (root.debug() ? "" : " (run with --debug for the stack trace, and please report it)"));
        if (root.debug()) {
            ex.printStackTrace(err);
        }
        return ExitStatus.of(ex);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
