package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.report.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Binding host facts to the target's path on fixture hosts: which socket a connection reaches, through what,
 * and which collector is behind it; every other collector is context and raises nothing.
 */
class LocalPathsTest {
    private static final String DOCKER_CGROUP = "0::/system.slice/docker-"
            + "3f2a1b9c0d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8.scope\n";
    private static final String CONTAINER_TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr "
            + "tm->when retrnsmt   uid  timeout inode\n";
    private final ProcFixture host = ProcFixture.inTempDir();

    @AfterEach
    void cleanUp() throws IOException {
        host.delete();
    }

    @Test
    void aSecondCollectorOnOtherPortsIsContext() {
        long grpc = host.listen("0.0.0.0", 4317);
        long http = host.listen("0.0.0.0", 4318);
        host.process(812, "/otelcol-contrib", "--config=/etc/otelcol-contrib/config.yaml").holds(grpc, http).create();
        long other = host.listen("0.0.0.0", 14317);
        host.process(913, "/otelcol", "--config=/etc/otelcol/second.yaml").holds(other).create();

        LocalRun run = LocalRun.of(host.fs(), "localhost");
        List<SocketPath> paths = run.facts().get(LocalPaths.PATHS).orElseThrow();
        assertThat(paths).allSatisfy(p -> {
            assertThat(p.reach()).isEqualTo(SocketPath.Reach.SERVED);
            assertThat(p.collector().process().pid()).isEqualTo(812);
        });
        assertThat(run.one("process.no-otlp-listener").severity()).isEqualTo(Severity.INFO);
        assertThat(run.findings()).noneMatch(f -> f.severity() == Severity.FAIL);
        assertThat(run.all("process.running")).anySatisfy(f -> {
            assertThat(f.evidence()).containsEntry("pid", 913).containsEntry("onPath", false);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
    }

    @Test
    void aCollectorInAnotherNamespaceIsContextWhileOneServesHere() throws IOException {
        long grpc = host.listen("0.0.0.0", 4317);
        host.process(812, "/otelcol-contrib").holds(grpc).create();
        container(4100, "0100007F:10DD"); // 127.0.0.1:4317 inside its own namespace

        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");
        SocketPath path = run.facts().get(LocalPaths.PATHS).orElseThrow().get(0);
        assertThat(path.reach()).isEqualTo(SocketPath.Reach.SERVED);
        assertThat(path.collector().process().pid()).isEqualTo(812);
        assertThat(path.nearMisses()).anySatisfy(l -> assertThat(l.namespaceOf()).isEqualTo(4100));
        assertThat(run.findings()).noneMatch(f -> f.severity() == Severity.FAIL);
        assertThat(run.all("bind.localhost-only")).isEmpty();
        assertThat(run.one("bind.other-namespace")).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.title()).contains("127.0.0.1:4317").contains("not on this target's path");
        });
    }

    @Test
    void aContainerPortThatNothingPublishesIsNotPublished() throws IOException {
        container(4100, "00000000:10DD"); // 0.0.0.0:4317 inside

        LocalRun run = LocalRun.of(host.fs(), "localhost:4317");
        SocketPath path = run.facts().get(LocalPaths.PATHS).orElseThrow().get(0);
        assertThat(path.reach()).isEqualTo(SocketPath.Reach.UNPUBLISHED);
        assertThat(path.collector().process().pid()).isEqualTo(4100);
        assertThat(run.one("bind.not-published")).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.title()).contains("docker container 3f2a1b9c0d4e");
            assertThat(f.remediation().get(0)).contains("-p 4317:4317");
        });
        assertThat(run.all("bind.all-interfaces")).isEmpty();
    }

    @Test
    void aForwarderTakesTheConnectionToTheContainersCollector() throws IOException {
        long proxy = host.listen("0.0.0.0", 24317);
        host.process(500, "/usr/bin/docker-proxy", "-proto", "tcp", "-host-ip", "0.0.0.0", "-host-port", "24317",
                "-container-ip", "172.17.0.2", "-container-port", "4317").uid(0).holds(proxy).create();
        container(4100, "00000000:10DD");

        LocalRun run = LocalRun.of(host.fs(), "localhost:24317");
        SocketPath path = run.facts().get(LocalPaths.PATHS).orElseThrow().get(0);
        assertThat(path.reach()).isEqualTo(SocketPath.Reach.FORWARDED);
        assertThat(path.forward()).isEqualTo(new SocketPath.Forward("docker-proxy pid 500", 4317));
        assertThat(path.collector().process().pid()).isEqualTo(4100);
        assertThat(path.inside().socket().port()).isEqualTo(4317);
        assertThat(run.one("bind.all-interfaces").severity()).isEqualTo(Severity.PASS);
        assertThat(run.findings()).noneMatch(f -> f.severity() == Severity.FAIL);
    }

    @Test
    void aCollectorBoundToOneAddressIsMissedByTheOthers() {
        long socket = host.listen("10.244.1.7", 4317);
        host.process(812, "/otelcol-contrib").holds(socket).create();

        LocalRun run = LocalRun.of(host.fs(), "127.0.0.1:4317");
        SocketPath path = run.facts().get(LocalPaths.PATHS).orElseThrow().get(0);
        assertThat(path.reach()).isEqualTo(SocketPath.Reach.OTHER_ADDRESS);
        assertThat(path.collector().process().pid()).isEqualTo(812);
        assertThat(run.one("bind.specific-address").severity()).isEqualTo(Severity.FAIL);
    }

    @Test
    void forwardersSayWhereTheyForwardTo() {
        assertThat(Forwarders.portInside(process("docker-proxy", "-host-port", "24317", "-container-port", "4317"), 24317))
                .isEqualTo(4317);
        assertThat(Forwarders.portInside(process("kubectl", "port-forward", "svc/otel", "14317:4317"), 14317))
                .isEqualTo(4317);
        assertThat(Forwarders.portInside(process("pasta", "-t", "4318:4318"), 4318)).isEqualTo(4318);
        assertThat(Forwarders.portInside(process("rootlessport"), 4317)).isEqualTo(4317);
        assertThat(Forwarders.isForwarder(process("kubectl", "get", "pods"))).isFalse();
    }

    private static ProcessInfo process(String program, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("/usr/bin/" + program));
        argv.addAll(List.of(args));
        return new ProcessInfo(1, program, argv, 0, java.util.Set.of(), true);
    }

    /** A collector in a docker container with its own network namespace, listening on {@code local} there. */
    private void container(int pid, String local) throws IOException {
        host.process(pid, "/otelcol-contrib", "--config", "/etc/otelcol-contrib/config.yaml").cgroup(DOCKER_CGROUP)
                .holds(7001).create();
        host.write("proc/" + pid + "/net/tcp", CONTAINER_TCP_HEADER + "   0: " + local
                + " 00000000:0000 0A 00000000:00000000 00:00000000 00000000 10001        0 7001 1 0000000000000000 100 0 0 10 0\n");
        Path ns = host.root().resolve("proc/self/ns");
        Files.createDirectories(ns);
        if (!Files.exists(ns.resolve("net"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(ns.resolve("net"), Path.of("net:[4026531840]"));
        }
        Files.createDirectories(host.root().resolve("proc/" + pid + "/ns"));
        Files.createSymbolicLink(host.root().resolve("proc/" + pid + "/ns/net"), Path.of("net:[4026532301]"));
    }
}
