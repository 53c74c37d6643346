package dev.otlpdoctor.it;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.JarRunner;
import dev.otlpdoctor.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged tool, run as a user runs it: through ./otlpdoctor and java -jar. */
class LauncherIT {

    @Test
    void launcherRunsTheBuiltJar() throws Exception {
        assertThat(Files.isExecutable(Path.of("otlpdoctor"))).as("./otlpdoctor is executable").isTrue();
        var run = JarRunner.run(List.of("./otlpdoctor", "--version"), 120);
        assertThatRun(run).exitsWith(0);
        assertThat(run.out()).startsWith("otlpdoctor ");
    }

    @Test
    void launcherCheckOfAClosedPortExits1WithJson() throws Exception {
        var run = JarRunner.run(List.of("./otlpdoctor", "check", "127.0.0.1:" + Ports.closedPort(), "-o", "json"), 120);
        assertThat(assertThatRun(run).exitsWith(1).json().get("status").getAsString()).isEqualTo("fail");
    }

    @Test
    void aHealthyCheckThroughTheLauncherWritesNothingToStderr() throws Exception {
        // The OTLP probes load protobuf, which on Java 23 and later warns on stderr about sun.misc.Unsafe
        // unless the launcher allows it (CI runs this on Java 17 and 25).
        try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
            var run = JarRunner.run(List.of("./otlpdoctor", "check", collector.address(), "--no-local"), 120);
            assertThatRun(run).exitsWith(0);
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void jarReportsBadInputWithoutAStackTrace() throws Exception {
        CliDriver.Result run = JarRunner.run(JarRunner.javaJar("check", "collector:nope"), 60);
        assertThatRun(run).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("otlpdoctor: TARGET 'collector:nope': port 'nope' is not a number from 1 to 65535");
        assertThat(run.out()).isEmpty();
    }
}
