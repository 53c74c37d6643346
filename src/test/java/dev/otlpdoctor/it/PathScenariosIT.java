package dev.otlpdoctor.it;

import static dev.otlpdoctor.it.PathScenario.field;
import static dev.otlpdoctor.it.PathScenario.findings;
import static dev.otlpdoctor.it.PathScenario.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JarRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The situations of issue 14 on a real kernel, with real processes: collector-like OTLP receivers
 * ({@code otlpdoctor listen} started as {@code otelcol-contrib}), a second network namespace as "a
 * container", a forwarder process started as {@code docker-proxy} that really forwards, a web server, a hung
 * collector; then the packaged jar's {@code check -o json}, whose exit code, status, diagnosis and hop are
 * asserted. Each scenario is a script of {@code path-scenarios/lib.sh} helpers run in its own namespaces
 * (see {@link PathScenario}); "this host" has loopback plus 10.200.0.1, a container linked to it has
 * 10.201.0.2. Skipped with the reason where namespaces are not allowed. Firewall scenarios are elsewhere.
 */
class PathScenariosIT {
    /** The receivers here and in a container answer on 4317 (gRPC) and 4318 (HTTP), like a collector. */
    private static final String BOTH_PORTS = "listening 4317; listening 4318; ";
    private static final String BOTH_PORTS_IN_CONTAINER = "listening 4317 $CONTAINER; listening 4318 $CONTAINER; ";
    /** Generous: the deadline only matters to a scenario that waits for an answer that never comes. */
    private static final String CHECK_TIMEOUT = " --timeout 20s";

    /**
     * The config of a collector from v0.104.0 to v0.110.0: no endpoint written (so bound to localhost by
     * default) and the {@code logging} exporter, which v0.111.0 removed (docs/collector-behaviour.md).
     */
    private static final String OLD_CONFIG = """
            receivers:
              otlp:
                protocols:
                  grpc:
                  http:
            exporters:
              logging:
                verbosity: detailed
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  exporters: [logging]
                metrics:
                  receivers: [otlp]
                  exporters: [logging]
                logs:
                  receivers: [otlp]
                  exporters: [logging]
            """;

    /** Whether veth pairs can be made (the forwarder scenarios link the container to this namespace). */
    private static boolean vethAllowed;

    @TempDir
    Path dir;

    @BeforeAll
    static void namespacesAllowed() throws Exception {
        List<String> probe = new ArrayList<>(PathScenario.UNSHARE);
        probe.addAll(List.of("bash", "-c", "ip link set lo up && ip addr add 10.200.0.1/32 dev lo && unshare -n true "
                + "&& command -v ss && command -v nsenter"));
        CliDriver.Result run = JarRunner.run(probe, 30);
        assumeTrue(run.exitCode() == 0, "network, PID and mount namespaces (unshare as root), ip, ss and nsenter "
                + "are needed for the path scenarios: " + run.err().strip());
        List<String> veth = new ArrayList<>(PathScenario.UNSHARE);
        veth.addAll(List.of("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1"));
        vethAllowed = JarRunner.run(veth, 30).exitCode() == 0;
    }

    // Healthy targets: every other collector is context, never the cause.

    @Test
    void aHealthyCollectorPassesWhileAnotherRunsInASecondNetworkNamespace() throws Exception {
        JsonObject report = report(scenario("""
                collector here -- --bind 0.0.0.0
                container
                collector inside $CONTAINER -- --bind 0.0.0.0
                """ + BOTH_PORTS + BOTH_PORTS_IN_CONTAINER + "check 10.200.0.1" + CHECK_TIMEOUT), 0);
        assertPassedWithAllSixExports(report);
        List<JsonObject> running = findings(report, "process.running");
        assertThat(field(running, "severity")).as("the collector here, and the container's as context")
                .containsExactlyInAnyOrder("pass", "info");
        assertThat(running).filteredOn(f -> f.get("severity").getAsString().equals("info"))
                .allSatisfy(f -> assertThat(f.getAsJsonObject("evidence").get("onPath").getAsBoolean()).isFalse());
        assertThat(field(findings(report, "bind.other-namespace"), "severity")).containsExactly("info", "info");
    }

    @Test
    void aHealthyCollectorPassesBesideAContainerCollectorAndAThirdOnOtherPorts() throws Exception {
        JsonObject report = report(scenario("""
                collector here -- --bind 0.0.0.0
                collector third -- --bind 0.0.0.0 --grpc-port 14317 --http-port 14318
                container
                collector inside $CONTAINER -- --bind 0.0.0.0
                listening 14317; listening 14318
                """ + BOTH_PORTS + BOTH_PORTS_IN_CONTAINER + "check 10.200.0.1" + CHECK_TIMEOUT), 0);
        assertPassedWithAllSixExports(report);
        assertThat(field(findings(report, "process.running"), "severity")).containsExactlyInAnyOrder("pass", "info", "info");
        assertThat(field(findings(report, "process.no-otlp-listener"), "severity")).containsOnly("info");
    }

    @Test
    void twoCollectorsOnOneHostPassForLocalhost() throws Exception {
        JsonObject report = report(scenario("""
                collector first -- --bind 0.0.0.0
                collector second -- --bind 0.0.0.0 --grpc-port 14317 --http-port 14318
                listening 14317; listening 14318
                """ + BOTH_PORTS + "check localhost" + CHECK_TIMEOUT), 0);
        assertPassedWithAllSixExports(report);
        assertThat(field(findings(report, "process.no-otlp-listener"), "severity")).containsExactly("info");
    }

    @Test
    void aContainerCollectorOnItsOwnLoopbackIsContextWhileOneServesHere() throws Exception {
        JsonObject report = report(scenario("""
                collector here -- --bind 0.0.0.0
                container
                collector inside $CONTAINER -- --bind 127.0.0.1
                """ + BOTH_PORTS + BOTH_PORTS_IN_CONTAINER + "check 10.200.0.1" + CHECK_TIMEOUT), 0);
        assertPassedWithAllSixExports(report);
        List<JsonObject> context = findings(report, "bind.other-namespace");
        assertThat(context).as("the container's loopback sockets, one per port").hasSize(2);
        assertThat(field(context, "severity")).containsOnly("info");
        assertThat(findings(report, "bind.localhost-only")).as("not the target's binding").isEmpty();
    }

    // Refused targets: the socket the connection reaches, or misses, is the cause.

    @Test
    void aCollectorBoundToOneAddressRefusesTheLoopbackTheAppUses() throws Exception {
        JsonObject report = report(scenario("collector here -- --bind 10.200.0.1\n" + BOTH_PORTS
                + "check 127.0.0.1" + CHECK_TIMEOUT), 1);
        assertDiagnosis(report, "bind.specific-address", "socket");
        assertThat(report.getAsJsonObject("diagnosis").get("summary").getAsString()).contains("10.200.0.1:4317");
    }

    @Test
    void aWebServerHoldingTheGrpcPortIsAPortConflict() throws Exception {
        assumeTrue(JarRunner.run(List.of("sh", "-c", "command -v python3"), 10).exitCode() == 0,
                "python3 is not installed: the web server of this scenario is python3 -m http.server");
        JsonObject report = report(scenario("web_server 4317\nlistening 4317\ncheck 127.0.0.1" + CHECK_TIMEOUT), 1);
        assertDiagnosis(report, "bind.port-conflict", "socket");
        assertThat(report.getAsJsonObject("diagnosis").get("title").getAsString()).contains("python3");
    }

    /**
     * A running collector with the removed {@code logging} exporter, bound to 127.0.0.1 and probed through
     * 10.200.0.1. It runs, so "the collector will not start" is disproved (warn); the cause is the binding,
     * at the socket hop, which comes before what its config says ({@code config.endpoint-localhost}, also
     * checked).
     */
    @Test
    void aRunningCollectorWithARemovedExporterIsRefusedForItsBindingNotForThatExporter() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), OLD_CONFIG);
        JsonObject report = report(scenario("collector_with_config here \"$CONFIG\" -- --bind 127.0.0.1\n"
                + BOTH_PORTS + "check 10.200.0.1" + CHECK_TIMEOUT, Map.of("CONFIG", config.toString())), 1);
        assertDiagnosis(report, "bind.localhost-only", "socket");
        assertThat(report.getAsJsonObject("diagnosis").getAsJsonArray("alsoCheck").toString())
                .contains("config.endpoint-localhost");
        assertThat(field(findings(report, "config.deprecated-component"), "severity")).containsExactly("warn");
        assertThat(field(findings(report, "bind.localhost-only"), "severity")).containsExactly("fail", "fail");
    }

    @Test
    void aContainerCollectorWhosePortIsNotPublishedIsNotPublished() throws Exception {
        JsonObject report = report(scenario("""
                container
                collector inside $CONTAINER -- --bind 0.0.0.0
                """ + BOTH_PORTS_IN_CONTAINER + "check 10.200.0.1" + CHECK_TIMEOUT), 1);
        assertDiagnosis(report, "bind.not-published", "socket");
        assertThat(report.getAsJsonObject("diagnosis").getAsJsonArray("remediation").get(0).getAsString())
                .contains("-p 4317:4317");
    }

    @Test
    void anUnpublishedContainerCollectorIsTheCauseEvenWithASecondCollectorHereOnOtherPorts() throws Exception {
        JsonObject report = report(scenario("""
                collector other -- --bind 0.0.0.0 --grpc-port 14317 --http-port 14318
                container
                collector inside $CONTAINER -- --bind 0.0.0.0
                listening 14317; listening 14318
                """ + BOTH_PORTS_IN_CONTAINER + "check 10.200.0.1" + CHECK_TIMEOUT), 1);
        assertDiagnosis(report, "bind.not-published", "socket");
        assertThat(field(findings(report, "process.no-otlp-listener"), "severity")).as("the collector on other ports")
                .containsOnly("info");
    }

    // Through a forwarder: the collector inside the container is on the path.

    @Test
    void aContainerCollectorPublishedThroughAForwarderPasses() throws Exception {
        assumeTrue(vethAllowed, "veth pairs cannot be made here (no veth support in the kernel)");
        JsonObject report = report(scenario("""
                container veth
                collector inside $CONTAINER -- --bind 0.0.0.0
                forwarder 4317 10.201.0.2 4317
                forwarder 4318 10.201.0.2 4318
                """ + BOTH_PORTS_IN_CONTAINER + BOTH_PORTS + "check 10.200.0.1" + CHECK_TIMEOUT), 0);
        assertPassedWithAllSixExports(report);
        assertThat(field(findings(report, "bind.forwarded"), "severity")).containsExactly("info", "info");
        assertThat(field(findings(report, "process.running"), "severity")).as("the container's collector is on the path")
                .containsExactly("pass");
    }

    @Test
    void aContainerCollectorOnItsLoopbackBehindAForwarderIsLocalhostOnly() throws Exception {
        assumeTrue(vethAllowed, "veth pairs cannot be made here (no veth support in the kernel)");
        JsonObject report = report(scenario("""
                container veth
                collector inside $CONTAINER -- --bind 127.0.0.1
                forwarder 4317 10.201.0.2 4317
                forwarder 4318 10.201.0.2 4318
                """ + BOTH_PORTS_IN_CONTAINER + BOTH_PORTS + "check 10.200.0.1" + CHECK_TIMEOUT), 1);
        assertDiagnosis(report, "bind.localhost-only", "socket");
        assertThat(report.getAsJsonObject("diagnosis").get("summary").getAsString())
                .contains("docker-proxy pid", "forwards it into a container", "127.0.0.1:4317");
    }

    // Without proof, never a pass.

    @Test
    void aDeadlineTooShortForAnyExportIsNotProven() throws Exception {
        // 250 ms, counted from the JVM's start, is over before any OTLP export can be made.
        JsonObject report = report(scenario("collector here -- --bind 0.0.0.0\n" + BOTH_PORTS
                + "check 10.200.0.1 --timeout 250ms"), 1);
        assertThat(report.get("status").getAsString()).isEqualTo("fail");
        assertDiagnosis(report, "run.not-proven", "run");
    }

    @Test
    void aCollectorThatAcceptsButNeverAnswersIsSilent() throws Exception {
        JsonObject report = report(scenario("stalled here 0.0.0.0 4317 4318\n" + BOTH_PORTS
                + "check 10.200.0.1 --timeout 6s"), 1);
        assertDiagnosis(report, "protocol.silent", "receiver");
        assertThat(findings(report, "otlp.ok")).isEmpty();
    }

    @Test
    void theStaleConfigOfAContainerCollectorLeavesAHealthyTargetAPass() throws Exception {
        // A collector here serves 10.200.0.1 (all six exports accepted); another runs in a container, bound to
        // its own loopback, with OLD_CONFIG. That config is not on the target's path: context (info), so the
        // target passes.
        Path config = Files.writeString(dir.resolve("config.yaml"), OLD_CONFIG);
        JsonObject report = report(scenario("""
                collector here -- --bind 0.0.0.0
                container
                collector_with_config inside "$CONFIG" $CONTAINER -- --bind 127.0.0.1
                """ + BOTH_PORTS + BOTH_PORTS_IN_CONTAINER + "check 10.200.0.1" + CHECK_TIMEOUT,
                Map.of("CONFIG", config.toString())), 0);
        assertPassedWithAllSixExports(report);
    }

    @Test
    void theConfigOfACollectorInAnotherNamespaceIsNotTheCauseOfARefusalHere() throws Exception {
        // The collector here is bound to 10.200.0.1 and the app uses 127.0.0.1 (bind.specific-address, as in
        // aCollectorBoundToOneAddressRefusesTheLoopbackTheAppUses); another collector runs in a container,
        // bound to its own loopback, with OLD_CONFIG: its config is context, not the cause of this refusal.
        Path config = Files.writeString(dir.resolve("config.yaml"), OLD_CONFIG);
        JsonObject report = report(scenario("""
                collector here -- --bind 10.200.0.1
                container
                collector_with_config inside "$CONFIG" $CONTAINER -- --bind 127.0.0.1
                """ + BOTH_PORTS + BOTH_PORTS_IN_CONTAINER + "check 127.0.0.1" + CHECK_TIMEOUT,
                Map.of("CONFIG", config.toString())), 1);
        assertDiagnosis(report, "bind.specific-address", "socket");
    }

    private CliDriver.Result scenario(String body) throws Exception {
        return scenario(body, Map.of());
    }

    private CliDriver.Result scenario(String body, Map<String, String> env) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        return PathScenario.run(logs, body, env);
    }

    private static void assertPassedWithAllSixExports(JsonObject report) {
        assertThat(report.get("status").getAsString()).as(summary(report)).isEqualTo("pass");
        assertThat(report.get("diagnosis").isJsonNull()).as(summary(report)).isTrue();
        assertThat(findings(report, "otlp.ok")).as("traces, metrics and logs over gRPC and HTTP; %s", summary(report))
                .hasSize(6);
    }

    private static void assertDiagnosis(JsonObject report, String code, String hop) {
        assertThat(report.get("diagnosis").isJsonObject()).as(summary(report)).isTrue();
        JsonObject diagnosis = report.getAsJsonObject("diagnosis");
        assertThat(diagnosis.get("code").getAsString()).as(summary(report)).isEqualTo(code);
        assertThat(diagnosis.get("hop").getAsString()).as(summary(report)).isEqualTo(hop);
        assertThat(report.get("status").getAsString()).as(summary(report)).isEqualTo("fail");
    }

    /** What a failed assertion shows: the status, the diagnosis, and every finding at warn or worse. */
    private static String summary(JsonObject report) {
        StringBuilder text = new StringBuilder("status ").append(report.get("status").getAsString())
                .append(", diagnosis ").append(report.get("diagnosis"));
        report.getAsJsonArray("findings").forEach(f -> {
            JsonObject finding = f.getAsJsonObject();
            String severity = finding.get("severity").getAsString();
            if (severity.equals("warn") || severity.equals("fail")) {
                text.append("\n  ").append(severity).append(' ').append(finding.get("code").getAsString()).append(' ')
                        .append(finding.get("endpoint").getAsString()).append(": ").append(finding.get("detail").getAsString());
            }
        });
        return text.toString();
    }
}
