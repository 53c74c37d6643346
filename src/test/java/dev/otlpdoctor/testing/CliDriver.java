package dev.otlpdoctor.testing;

import dev.otlpdoctor.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs otlpdoctor command lines in-process and captures exit code, stdout and stderr. Every result
 * prints all three in assertion messages, so a failing test shows what the user would have seen.
 */
public final class CliDriver {
    private final Map<String, String> env = new HashMap<>();
    /** Standard input for the command; null: this JVM's System.in, read when the command runs. */
    private InputStream stdin;

    /** A driver with an empty environment: tests never see the developer's OTEL_* variables. */
    public static CliDriver create() {
        return new CliDriver();
    }

    public CliDriver env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** What the command reads as standard input (UTF-8). */
    /**
     * The machine the local probes read: a fixture tree with {@code proc/}, {@code etc/} and stand-in programs
     * (as {@code OTLPDOCTOR_HOST_ROOT} names a mounted host's root), instead of this machine.
     */
    public CliDriver host(java.nio.file.Path root) {
        return env("OTLPDOCTOR_HOST_ROOT", root.toString());
    }

    public CliDriver stdin(String text) {
        return stdin(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    public CliDriver stdin(InputStream in) {
        this.stdin = in;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, stdin == null ? System.in : stdin, new PrintWriter(out, true), new PrintWriter(err, true), Map.copyOf(env));
        return new Result(code, out.toString(), err.toString(), String.join(" ", args));
    }

    /** What one command line did. */
    public record Result(int exitCode, String out, String err, String commandLine) {
        @Override
        public String toString() {
            return "otlpdoctor " + commandLine + "\n--- exit code: " + exitCode + "\n--- stdout:\n" + out
                    + "\n--- stderr:\n" + err;
        }
    }
}
