package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a user names goes through one bounded reader: a device that never ends, a FIFO without a
 * writer and a directory are refused unread with one exit-2 line naming the option, as is a file over the
 * input's cap. Before, {@code /dev/zero} as a CA file was read until the JVM ran out of memory.
 */
class FileInputsTest {
    private static final String ZERO = "/dev/zero";

    @TempDir
    Path dir;

    private static CliDriver cli() {
        return CliDriver.create();
    }

    /** Each command line with {@code FILE} in place of the file under test, and the name the error line gives it. */
    private static List<Input> inputs() {
        return List.of(
                new Input("--ca-cert", "check", "--no-local", "127.0.0.1:9", "--ca-cert", "FILE"),
                new Input("--client-cert", "check", "--no-local", "127.0.0.1:9", "--client-cert", "FILE",
                        "--client-key", "FILE"),
                new Input("--targets-file", "check", "--no-local", "--targets-file", "FILE"),
                new Input("", "env", "--env-file", "FILE"),
                new Input("", "env", "--manifest", "FILE"),
                new Input("", "lint", "FILE"),
                new Input("--tls-cert", "listen", "--grpc-port", "0", "--http-port", String.valueOf(Ports.closedPort()),
                        "--duration", "1s",
                        "--tls-cert", "FILE", "--tls-key", "FILE"));
    }

    private record Input(String option, String... args) {
        String[] with(Path file) {
            return java.util.Arrays.stream(args).map(a -> a.equals("FILE") ? file.toString() : a).toArray(String[]::new);
        }
    }

    @Test
    void aDeviceIsRefusedUnreadByEveryInput() {
        for (Input input : inputs()) {
            assertThatRun(cli().run(input.with(Path.of(ZERO)))).exitsWith(2).stderrIsOneErrorLine()
                    .stderrContains(input.option(), ZERO, "not a regular file");
        }
    }

    @Test
    void theCaFileOfTheEnvironmentIsBoundedToo() {
        assertThatRun(cli().env("OTEL_EXPORTER_OTLP_CERTIFICATE", ZERO).run("check", "--no-local", "127.0.0.1:9"))
                .exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("OTEL_EXPORTER_OTLP_CERTIFICATE", ZERO, "not a regular file");
    }

    @Test
    void aDirectoryIsRefusedByEveryInput() {
        for (Input input : inputs()) {
            assertThatRun(cli().run(input.with(dir))).exitsWith(2).stderrIsOneErrorLine()
                    .stderrContains(dir.toString(), "is a directory");
        }
    }

    @Test
    void aFifoWithoutAWriterIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = dir.resolve("pipe");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is not available");
        for (Input input : inputs()) {
            assertThatRun(cli().run(input.with(fifo))).exitsWith(2).stderrIsOneErrorLine()
                    .stderrContains(fifo.toString(), "not a regular file");
        }
    }

    @Test
    void aFileOverItsCapIsRefusedWhileReading() throws IOException {
        Path big = dir.resolve("big.pem");
        Files.write(big, new byte[(1 << 20) + 1]);
        assertThatRun(cli().run("check", "--no-local", "127.0.0.1:9", "--ca-cert", big.toString()))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("--ca-cert", "big.pem", "larger than 1 MiB");
    }

    @Test
    void aManifestNestedFiveThousandDeepIsAnInputError() throws IOException {
        Path deep = dir.resolve("deep.yaml");
        Files.writeString(deep, "a: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n");
        assertThatRun(cli().run("env", "--manifest", deep.toString())).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("deep.yaml", "nested more than 64 levels");
    }
}
