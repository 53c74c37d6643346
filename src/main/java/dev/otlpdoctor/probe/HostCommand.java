package dev.otlpdoctor.probe;

import dev.otlpdoctor.Deadline;
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

/**
 * A program of this machine that a probe runs read-only ({@code kubectl}, {@code nft}, {@code iptables-save},
 * {@code systemctl}, {@code journalctl}), found on the {@code PATH} of the given environment and run with
 * that environment and no standard input. Each call is bounded by the run's deadline and its output is
 * capped; a failure is a one-line reason, never a stack.
 */
public final class HostCommand {
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final String name;
    private final Path executable;
    private final Map<String, String> env;
    private final int maxOutputBytes;

    private HostCommand(String name, Path executable, Map<String, String> env, int maxOutputBytes) {
        this.name = name;
        this.executable = executable;
        this.env = env;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** The program {@code name} from the environment's PATH, if there is one; its output is capped at {@code maxOutputBytes}. */
    public static Optional<HostCommand> find(String name, Map<String, String> env, int maxOutputBytes) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new HostCommand(name, candidate, env, maxOutputBytes));
            }
        }
        return Optional.empty();
    }

    /** What one call printed: its stdout, or the reason it failed with what it wrote to stderr. */
    public record Result(boolean ok, String output, String error, String stderr) {
        static Result failed(String error) {
            return new Result(false, "", error, "");
        }
    }

    public String name() {
        return name;
    }

    /** Runs the program with {@code args}, waiting at most until the deadline. */
    public Result run(List<String> args, Deadline deadline) throws InterruptedException {
        String shown = name + " " + String.join(" ", args);
        if (deadline.expired()) {
            return Result.failed("the run's deadline was reached before " + shown);
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
            FutureTask<byte[]> out = readCapped(process.getInputStream(), maxOutputBytes);
            FutureTask<byte[]> err = readCapped(process.getErrorStream(), MAX_ERROR_BYTES);
            if (!process.waitFor(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                return Result.failed(shown + " did not finish within the run's deadline");
            }
            // A child it started (a credential plugin) may hold the pipes open: wait no longer than the deadline.
            byte[] stdout = out.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
            String stderr = new String(err.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS),
                    StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return new Result(false, "", name + " exited with status " + process.exitValue(), stderr);
            }
            if (stdout.length > maxOutputBytes) {
                return Result.failed(name + " printed more than " + size(maxOutputBytes));
            }
            return new Result(true, new String(stdout, StandardCharsets.UTF_8), "", stderr);
        } catch (TimeoutException e) {
            return Result.failed(shown + " did not finish within the run's deadline");
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the output of " + name + " failed", e.getCause());
        } finally {
            process.destroyForcibly();
        }
    }

    private static String size(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    /** Reads up to {@code cap + 1} bytes (one more tells "too much"), then drains so the process never blocks. */
    private FutureTask<byte[]> readCapped(InputStream in, int cap) {
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
        // A thread of its own per stream: a reader waiting in a shared pool could leave the program blocked on a full pipe.
        Thread reader = new Thread(task, name + "-output");
        reader.setDaemon(true);
        reader.start();
        return task;
    }
}
