package dev.otlpdoctor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the packaged jar (or any command) as a separate process, the way a user does, with a hard
 * time limit; the result has the same shape as an in-process {@link CliDriver} run.
 */
public final class JarRunner {
    /** How long the output may go on after the process ended (a grandchild that still holds it). */
    private static final int STREAM_GRACE_SECONDS = 10;

    private JarRunner() {
    }

    /**
     * {@code java -jar target/otlpdoctor.jar ARGS}, names resolved from the test hosts file. On Java 23 and
     * later with the option the README gives (and the launcher passes), without which protobuf warns on
     * stderr about {@code sun.misc.Unsafe}.
     */
    public static List<String> javaJar(String... args) {
        return javaJar(List.of(), args);
    }

    /** The same with JVM options (a small heap, say) before {@code -jar}. */
    public static List<String> javaJar(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Djdk.net.hosts.file=" + System.getProperty("otlpdoctor.hosts"));
        command.add("-jar");
        command.add(jar());
        command.addAll(List.of(args));
        return command;
    }

    public static String jar() {
        String jar = System.getProperty("otlpdoctor.jar");
        if (jar == null) {
            throw new IllegalStateException("system property otlpdoctor.jar is not set: run through ./mvnw verify");
        }
        return jar;
    }

    public static CliDriver.Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        return run(command, timeoutSeconds, Path.of("."));
    }

    public static CliDriver.Result run(List<String> command, int timeoutSeconds, Path directory)
            throws IOException, InterruptedException {
        return run(command, timeoutSeconds, directory, Map.of());
    }

    /**
     * Runs the command with {@code env} added to the environment. The time limit is hard: at the limit the
     * process and its descendants are killed, and the test fails with what it printed.
     */
    public static CliDriver.Result run(List<String> command, int timeoutSeconds, Path directory, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.equals("NO_COLOR"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        // Read both streams concurrently so a full pipe cannot block the child, and so the time limit
        // holds even while a child keeps its output open.
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("command did not finish within " + timeoutSeconds + " s: " + command
                    + "\n--- stdout:\n" + out.completeOnTimeout("", 2, TimeUnit.SECONDS).join()
                    + "\n--- stderr:\n" + err.completeOnTimeout("", 2, TimeUnit.SECONDS).join());
        }
        try {
            return new CliDriver.Result(process.exitValue(), out.get(STREAM_GRACE_SECONDS, TimeUnit.SECONDS),
                    err.get(STREAM_GRACE_SECONDS, TimeUnit.SECONDS), String.join(" ", command));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the output of " + command + " did not end with it (a child process still "
                    + "holds it open?)", e);
        }
    }

    /** Everything the stream delivers until its end, read on its own thread. */
    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
