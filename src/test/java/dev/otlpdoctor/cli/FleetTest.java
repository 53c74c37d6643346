package dev.otlpdoctor.cli;

import static dev.otlpdoctor.cli.CheckCommandTest.findings;
import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static dev.otlpdoctor.testing.JsonSchemaAssert.assertMatchesSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.DroppingPort;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many targets in one run: --targets-file, --parallel, a per-target summary, one deadline. */
class FleetTest {
    private final CliDriver cli = CliDriver.create();

    @TempDir
    Path dir;

    @Test
    void mixedFleetFromAFileGetsOneResultPerTargetWithinOneDeadline() throws Exception {
        try (FakeGrpcCollector healthy = FakeGrpcCollector.start();
             DroppingPort dropped = new DroppingPort()) {
            int refused = Ports.closedPort();
            List<String> lines = new ArrayList<>(List.of("# fleet", ""));
            for (int i = 0; i < 10; i++) {
                lines.add("127.0.0.1:" + healthy.port() + "   # healthy " + i);
                lines.add("127.0.0.1:" + refused);
                lines.add("127.0.0.1:" + dropped.port());
            }
            Path file = Files.write(dir.resolve("fleet.txt"), lines);
            // a generous deadline: 30 targets share two cores here, and every healthy one does full OTLP exports
            var run = cli.run("check", "--targets-file", file.toString(), "--timeout", "6s", "-o", "json");
            assertMatchesSchema("docs/json-schema.json", run);
            JsonObject json = assertThatRun(run).exitsWith(1).json();
            List<JsonObject> targets = new ArrayList<>();
            for (JsonElement e : json.getAsJsonArray("targets")) {
                targets.add(e.getAsJsonObject());
            }
            assertThat(targets).hasSize(30);
            assertThat(targets.get(0).get("status").getAsString()).isEqualTo("pass");
            assertThat(targets.get(0).getAsJsonObject("source").get("name").getAsString()).isEqualTo(file + ":3");
            // loopback targets are this machine, so the local probes explain the failures
            assertThat(targets.get(1).getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("process.not-running");
            assertThat(targets.get(2).getAsJsonObject("diagnosis").get("code").getAsString()).isEqualTo("bind.port-conflict");
            assertThat(findings(json, "tcp.refused")).hasSize(10);
            // A full accept queue drops most SYNs, but the kernel completes a few handshakes it then never
            // accepts: those targets connect and get no answer. Either way every one is silent and fails.
            List<JsonObject> silent = new ArrayList<>(findings(json, "tcp.timeout"));
            silent.addAll(findings(json, "protocol.silent"));
            assertThat(silent.stream().map(f -> f.get("endpoint").getAsString()).distinct().count()).isEqualTo(1);
            assertThat(targets.stream().filter(t -> t.get("status").getAsString().equals("fail"))).hasSize(20);
            assertThat(json.get("verdict").getAsString()).startsWith("20 of 30 targets failed; first: 127.0.0.1:" + refused);
            // one deadline for the whole fleet: the dropped targets end with it, not one timeout after another
            assertThat(json.get("durationMs").getAsLong()).isLessThan(10_000L);
        }
    }

    @Test
    void summaryPrintsTheVerdictTheCauseAndOneLinePerTargetOnly() throws Exception {
        try (FakeGrpcCollector healthy = FakeGrpcCollector.start()) {
            int refused = Ports.closedPort();
            var run = cli.run("check", "127.0.0.1:" + healthy.port(), "127.0.0.1:" + refused, "--summary", "--no-local");
            assertThatRun(run).exitsWith(1);
            String out = run.out();
            assertThat(out).contains("TARGET", "127.0.0.1:" + healthy.port(), "127.0.0.1:" + refused, "tcp.refused")
                    .contains("Fix (tcp.refused):").doesNotContain("Target 127.0.0.1").doesNotContain("tcp   ");
            assertThat(out.strip().lines().count()).isLessThan(25);
        }
    }

    @Test
    void aLongRunShowsALiveLineOnStderrThatItErasesAtTheEnd() throws Exception {
        try (DroppingPort dropped = new DroppingPort()) {
            var run = cli.run("check", "127.0.0.1:" + dropped.port(), "--timeout", "2s", "--no-local", "--progress",
                    "-o", "json");
            assertThat(run.err()).contains("\r\u001b[Kotlpdoctor: checked 0/1 target, ").contains("s left")
                    .endsWith("\r\u001b[K");
            assertThatRun(run).exitsWith(1).json();
        }
    }

    @Test
    void noLiveLineWhenNotATerminalOrAskedNot() throws Exception {
        try (DroppingPort dropped = new DroppingPort()) {
            assertThat(cli.run("check", "127.0.0.1:" + dropped.port(), "--timeout", "1500ms", "--no-local").err())
                    .isEmpty();
            assertThat(cli.run("check", "127.0.0.1:" + dropped.port(), "--timeout", "1500ms", "--no-local",
                    "--no-progress").err()).isEmpty();
        }
    }

    @Test
    void textShowsATableAndDetailsOnlyForProblemTargets() throws Exception {
        try (FakeGrpcCollector healthy = FakeGrpcCollector.start()) {
            String ok = "127.0.0.1:" + healthy.port();
            String bad = "127.0.0.1:" + Ports.closedPort();
            var run = cli.run("check", ok, bad);
            assertThatRun(run).exitsWith(1).stdoutContains("TARGET", "STATUS  CAUSE", "Target " + bad);
            assertThat(run.out()).doesNotContain("Target " + ok);
            assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("FAIL  1 of 2 targets failed; first: " + bad);
        }
    }


    @Test
    void badLinesAndFilesAreUsageErrorsNamingFileAndLine() throws Exception {
        Path file = Files.write(dir.resolve("bad.txt"), List.of("collector:4317", "collector:99999"));
        var run = cli.run("check", "--targets-file", file.toString());
        assertThatRun(run).exitsWith(2).stderrIsOneErrorLine();
        assertThat(run.err().strip()).isEqualTo("otlpdoctor: " + file + ":2: TARGET 'collector:99999': port 99999 is out of range (1-65535)");

        assertThatRun(cli.run("check", "--targets-file", dir.resolve("missing.txt").toString())).exitsWith(2)
                .stderrContains("missing.txt: no such file");
        Path empty = Files.write(dir.resolve("empty.txt"), List.of("# nothing"));
        assertThatRun(cli.run("check", "--targets-file", empty.toString())).exitsWith(2).stderrContains("no target in the file");
        assertThatRun(cli.run("check", "--parallel", "0", "x")).exitsWith(2).stderrContains("--parallel 0: give at least 1");
    }
}
