package dev.otlpdoctor.probe.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formats the service probe reads, each as its tool or runtime documents it. */
class ServiceFormatsTest {

    @Test
    void journalJsonWithAByteArrayMessageAndANullOne() {
        String out = "{\"__REALTIME_TIMESTAMP\":\"1796165881234567\",\"MESSAGE\":[39,112,114,111,116,111,99,111,108,115,39,"
                + "32,104,97,115,32,105,110,118,97,108,105,100,32,107,101,121,115,58,32,104,116,112,27,91,48,109]}\n"
                + "{\"__REALTIME_TIMESTAMP\":\"1796165881300000\",\"MESSAGE\":null}\n"
                + "{\"__REALTIME_TIMESTAMP\":\"1796165881400000\",\"MESSAGE\":\"Error: a\\nb\"}\n"
                + "{\"__REALTIME_TIMESTAMP\":\"17961658";
        List<LogLine> lines = JournalReader.parse(out, "journalctl -u x.service");
        assertThat(lines).extracting(LogLine::text).containsExactly("'protocols' has invalid keys: htp\u001b[0m",
                "Error: a", "b");
        assertThat(lines.get(0).time()).isEqualTo(Instant.parse("2026-12-01T22:58:01.234567Z"));
    }

    @Test
    void dockerJsonFileJoinsALineTheDriverSplit() {
        String text = "{\"log\":\"first part \",\"stream\":\"stderr\",\"time\":\"2026-12-01T22:58:01.000000001Z\"}\n"
                + "{\"log\":\"second part\\n\",\"stream\":\"stderr\",\"time\":\"2026-12-01T22:58:01.000000002Z\"}\n"
                + "not json\n"
                + "{\"log\":\"next\\n\",\"stream\":\"stdout\",\"time\":\"2026-12-01T22:58:02Z\"}\n";
        List<LogLine> lines = ContainerLogFile.dockerJson(text, "f");
        assertThat(lines).extracting(LogLine::text).containsExactly("first part second part", "next");
        assertThat(lines.get(0).time()).isEqualTo(Instant.parse("2026-12-01T22:58:01.000000002Z"));
    }

    @Test
    void criLinesWithPartialTags() {
        String text = "2026-12-01T22:58:01.123456789Z stderr P Error: cannot start \n"
                + "2026-12-01T22:58:01.123456789Z stderr F pipelines: x\n"
                + "2026-12-01T22:58:02.000000000+00:00 stdout F done\n";
        assertThat(ContainerLogFile.cri(text, "f")).extracting(LogLine::text)
                .containsExactly("Error: cannot start pipelines: x", "done");
    }

    @Test
    void onlyTheEndOfAHugeLogIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("0.log");
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            log.append("2026-12-01T22:58:01Z stderr F line ").append(i).append('\n');
        }
        Files.writeString(file, log, StandardCharsets.UTF_8);
        List<LogLine> lines = ContainerLogFile.tail(file, "/var/log/pods/x/0.log", ContainerLogFile.Format.CRI);
        assertThat(Files.size(file)).isGreaterThan(ContainerLogFile.MAX_BYTES);
        assertThat(lines).hasSize(ContainerLogFile.MAX_LINES);
        assertThat(lines.get(lines.size() - 1).text()).isEqualTo("line 19999");
        assertThat(lines.get(0).source()).isEqualTo("/var/log/pods/x/0.log");
    }

    @Test
    void systemctlShowBlocksExecStartAndTimestamps() {
        String out = "Id=otelcol.service\nExecStart={ path=/usr/bin/otelcol ; argv[]=/usr/bin/otelcol --config=/etc/otelcol/config.yaml "
                + "--feature-gates=-x ; ignore_errors=no ; start_time=[Tue 2026-12-01 22:58:01 UTC] ; stop_time=[n/a] ; pid=1 ; "
                + "code=(null) ; status=0/0 }\nActiveEnterTimestamp=Tue 2026-12-01 22:58:01 UTC\n\nId=other.service\nNRestarts=2\n";
        List<Map<String, String>> blocks = Systemctl.blocks(out);
        assertThat(blocks).hasSize(2);
        assertThat(Systemctl.execArgv(blocks.get(0).get("ExecStart")))
                .containsExactly("/usr/bin/otelcol", "--config=/etc/otelcol/config.yaml", "--feature-gates=-x");
        assertThat(Systemctl.timestamp(blocks.get(0).get("ActiveEnterTimestamp")))
                .isEqualTo(Instant.parse("2026-12-01T22:58:01Z"));
        assertThat(Systemctl.timestamp("")).isNull();
        assertThat(Systemctl.timestamp("n/a")).isNull();
        assertThat(Systemctl.firstColumn("● otelcol.service loaded failed failed OTel\nssh.service loaded active running x\n"))
                .containsExactly("otelcol.service", "ssh.service");
    }

    @Test
    void unitsAreTheCollectorsByNameOrByExecStart() {
        assertThat(Systemctl.isCollector(unit("otelcol-contrib.service", List.of("/usr/bin/true")))).isTrue();
        assertThat(Systemctl.isCollector(unit("telemetry.service", List.of("/opt/bin/otelcol-k8s", "--config=/c.yaml")))).isTrue();
        assertThat(Systemctl.isCollector(unit("alloy.service", List.of("/usr/bin/alloy", "run", "/etc/alloy/config.alloy")))).isTrue();
        assertThat(Systemctl.isCollector(unit("alloy.service", List.of("/usr/bin/alloy", "fmt")))).isFalse();
        assertThat(Systemctl.isCollector(unit("ssh.service", List.of("/usr/sbin/sshd", "-D")))).isFalse();
        SystemdUnit packaged = new SystemdUnit("o.service", "failed", "failed", "exit-code", 1, 1, 0,
                List.of("/usr/bin/otelcol-contrib", "$OTELCOL_OPTIONS", "${SINGLE}"),
                Map.of("OTELCOL_OPTIONS", "--config=/a.yaml --config=/b.yaml", "SINGLE", "x y"), null, null, null);
        assertThat(packaged.expandedExecStart()).containsExactly("/usr/bin/otelcol-contrib", "--config=/a.yaml",
                "--config=/b.yaml", "x y");
    }

    private static SystemdUnit unit(String name, List<String> execStart) {
        return new SystemdUnit(name, "active", "running", "success", 0, 0, 0, execStart, Map.of(), null, null, null);
    }

    @Test
    void cgroupPathsOfEachManager() {
        String id = "4f1c2e9b8a7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615e4d3";
        assertThat(Cgroup.parse("0::/system.slice/otelcol-contrib.service\n").unit()).isEqualTo("otelcol-contrib.service");
        assertThat(Cgroup.parse("0::/user.slice/user-1000.slice/user@1000.service/app.slice/otelcol.service\n").unit()).isNull();
        assertThat(Cgroup.parse("0::/system.slice/docker-" + id + ".scope\n")).isEqualTo(new Cgroup(null, "docker", id, null));
        assertThat(Cgroup.parse("12:pids:/docker/" + id + "\n1:name=systemd:/docker/" + id + "\n").containerId()).isEqualTo(id);
        assertThat(Cgroup.parse("0::/machine.slice/libpod-" + id + ".scope/container\n").runtime()).isEqualTo("podman");
        Cgroup pod = Cgroup.parse("0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod6f0e4c1a_2b3d_4e5f_8a9b_"
                + "0c1d2e3f4a5b.slice/cri-containerd-" + id + ".scope\n");
        assertThat(pod).isEqualTo(new Cgroup(null, "kubernetes", id, "6f0e4c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b"));
        assertThat(Cgroup.parse("0::/kubepods/burstable/pod6f0e4c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b/" + id + "\n").containerId())
                .isEqualTo(id);
        assertThat(Cgroup.parse("0::/kubepods.slice/kubepods-pod1.slice/crio-" + id + ".scope\n").runtime()).isEqualTo("kubernetes");
    }
}
