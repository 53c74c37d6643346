package dev.otlpdoctor.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged jar (or any command) as a separate process, the way a user does, with a hard
 * time limit; the result has the same shape as an in-process {@link CliDriver} run.
 */
public final class JarRunner {
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
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.equals("NO_COLOR"));
        Process process = builder.start();
        process.getOutputStream().close();
        // Read both streams concurrently so a full pipe cannot block the child.
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread errReader = new Thread(() -> {
            try {
                err.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.completeExceptionally(e);
            }
        });
        errReader.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("command did not finish within " + timeoutSeconds + " s: " + command);
        }
        errReader.join();
        return new CliDriver.Result(process.exitValue(), out, err.join(), String.join(" ", command));
    }
}
