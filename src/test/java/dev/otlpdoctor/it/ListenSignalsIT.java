package dev.otlpdoctor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.JarRunner;
import dev.otlpdoctor.testing.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code otlpdoctor listen} ended by a signal, as a user (Ctrl-C) or a supervisor (SIGTERM) ends it: the
 * summary is printed and the exit code is the run's, not the signal's (README, "Exit codes").
 */
class ListenSignalsIT {
    @TempDir
    Path dir;

    private Process start(String... extra) throws IOException {
        int grpc = Ports.closedPort();
        int http = Ports.closedPort();
        java.util.List<String> command = new java.util.ArrayList<>(JarRunner.javaJar("listen", "--bind", "127.0.0.1",
                "--grpc-port", Integer.toString(grpc), "--http-port", Integer.toString(http), "--no-color"));
        command.addAll(java.util.List.of(extra));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
    }

    /** Waits (polling, bounded) until the banner says the ports are open. */
    private void awaitListening(Process process) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end && process.isAlive()) {
            String printed = Files.readString(dir.resolve("out"), StandardCharsets.UTF_8)
                    + Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);
            if (printed.contains("127.0.0.1:")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("listen did not start: " + Files.readString(dir.resolve("err")));
    }

    private int signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("listen ends on SIG" + signal).isTrue();
        return process.exitValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalPrintsTheSummaryAndExitsWithTheRunsCode(String signal) throws Exception {
        Process listen = start();
        awaitListening(listen);
        assertThat(signal(listen, signal)).isZero();
        assertThat(Files.readString(dir.resolve("out"))).contains("Summary after ");
    }

    @Test
    void anExpectationNotMetWhenTheSignalComesIsExitOne() throws Exception {
        Process listen = start("--expect", "traces>=1", "--timeout", "5m");
        awaitListening(listen);
        assertThat(signal(listen, "TERM")).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("err"))).contains("expectation not met: traces>=1");
    }
}
