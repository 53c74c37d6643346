package dev.otlpdoctor.k8s;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.HostCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs {@code kubectl} as the user would, found on the {@code PATH} of the given environment and run
 * with that environment (so {@code KUBECONFIG} and the current context apply). Each call is bounded by
 * the run's deadline and its output is capped ({@link HostCommand}); a failure is kubectl's first error
 * line, never a stack.
 */
public final class Kubectl {
    /** A Service, its endpoint slices and pods of one app fit easily; a list of a whole cluster might not. */
    static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
    private static final Pattern KLOG_LINE = Pattern.compile("[IWEF]\\d{4} \\d{2}:\\d{2}:\\d{2}");

    private final HostCommand command;

    private Kubectl(HostCommand command) {
        this.command = command;
    }

    /** kubectl from the environment's PATH, if there is one. */
    public static Optional<Kubectl> find(Map<String, String> env) {
        return HostCommand.find("kubectl", env, MAX_OUTPUT_BYTES).map(Kubectl::new);
    }

    /** What one kubectl call printed: its stdout, or the reason it failed. */
    public record Result(boolean ok, String output, String error) {
    }

    /** Runs {@code kubectl ARGS}, waiting at most until the deadline. */
    public Result run(List<String> args, Deadline deadline) throws InterruptedException {
        HostCommand.Result result = command.run(args, deadline);
        if (result.ok()) {
            return new Result(true, result.output(), "");
        }
        return new Result(false, "", result.stderr().isBlank() ? result.error() : firstLine(result.stderr(), result.error()));
    }

    /** kubectl's message line: the first that is not one of its client-go log lines ({@code E1125 15:04:05.123 …}). */
    private static String firstLine(String text, String fallback) {
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !KLOG_LINE.matcher(line).lookingAt()) {
                return line.strip();
            }
        }
        return fallback;
    }
}
