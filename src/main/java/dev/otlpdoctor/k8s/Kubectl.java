package dev.otlpdoctor.k8s;

import dev.otlpdoctor.probe.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs {@code kubectl} as the user would, found on the {@code PATH} of the given environment and run
 * with that environment (so {@code KUBECONFIG} and the current context apply). Each call is bounded by
 * the run's deadline and its output is capped; a failure is kubectl's first error line, never a stack.
 */
public final class Kubectl {
    /** A Service, its endpoint slices and pods of one app fit easily; a list of a whole cluster might not. */
    static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final Pattern KLOG_LINE = Pattern.compile("[IWEF]\\d{4} \\d{2}:\\d{2}:\\d{2}");

    private final Path executable;
    private final Map<String, String> env;

    private Kubectl(Path executable, Map<String, String> env) {
        this.executable = executable;
        this.env = env;
    }

    /** kubectl from the environment's PATH, if there is one. */
    public static Optional<Kubectl> find(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new Kubectl(candidate, env));
            }
        }
        return Optional.empty();
    }

    /** What one kubectl call printed: its stdout, or the reason it failed. */
    public record Result(boolean ok, String output, String error) {
        static Result failed(String error) {
            return new Result(false, "", error);
        }
    }

    /** Runs {@code kubectl ARGS}, waiting at most until the deadline. */
    public Result run(List<String> args, Deadline deadline) throws InterruptedException {
        if (deadline.expired()) {
            return Result.failed("the run's deadline was reached before kubectl " + String.join(" ", args));
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Result.failed("cannot start " + executable + ": " + e.getMessage());
        }
        try {
            FutureTask<byte[]> out = readCapped(process.getInputStream(), MAX_OUTPUT_BYTES);
            FutureTask<byte[]> err = readCapped(process.getErrorStream(), MAX_ERROR_BYTES);
            if (!process.waitFor(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                return Result.failed("kubectl " + String.join(" ", args) + " did not finish within the run's deadline");
            }
            // A child kubectl started (a credential plugin) may hold the pipes open: wait no longer than the deadline.
            byte[] stdout = out.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
            String stderr = new String(err.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS),
                    StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return Result.failed(firstLine(stderr, "kubectl exited with status " + process.exitValue()));
            }
            if (stdout.length > MAX_OUTPUT_BYTES) {
                return Result.failed("kubectl printed more than " + (MAX_OUTPUT_BYTES / 1024 / 1024) + " MiB");
            }
            return new Result(true, new String(stdout, StandardCharsets.UTF_8), "");
        } catch (TimeoutException e) {
            return Result.failed("kubectl " + String.join(" ", args) + " did not finish within the run's deadline");
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading kubectl's output failed", e.getCause());
        } finally {
            process.destroyForcibly();
        }
    }

    /** Reads up to {@code cap + 1} bytes (one more tells "too much"), then drains so the process never blocks. */
    private static FutureTask<byte[]> readCapped(InputStream in, int cap) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    int room = cap + 1 - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(n, room));
                    }
                }
            } catch (IOException e) {
                // the process was killed at the deadline: what was read so far is all there is
            }
            return kept.toByteArray();
        });
        // A thread of its own per stream: a reader waiting in a shared pool could leave kubectl blocked on a full pipe.
        Thread reader = new Thread(task, "kubectl-output");
        reader.setDaemon(true);
        reader.start();
        return task;
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
