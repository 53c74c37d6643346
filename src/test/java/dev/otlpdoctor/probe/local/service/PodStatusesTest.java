package dev.otlpdoctor.probe.local.service;

import static dev.otlpdoctor.probe.local.service.CollectorLogSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.testing.CliDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container statuses of a Service's pods and {@code kubectl logs --previous}, through a kubectl stand-in
 * that prints the API's pod JSON and the logs kubectl prints with {@code --timestamps}.
 */
class PodStatusesTest {
    private static final String POD = "otel-collector-6d9f7b5c4-x2v8q";

    @TempDir
    Path dir;
    private Path fixtures;
    private Path calls;
    private Map<String, String> env;

    @BeforeEach
    void installKubectl() throws IOException {
        fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Files.createDirectories(fixtures.resolve("logs"));
        calls = dir.resolve("calls.log");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path kubectl = bin.resolve("kubectl");
        Files.writeString(kubectl, String.join("\n",
                "#!/bin/sh",
                "F='" + fixtures + "'",
                "echo \"$*\" >> '" + calls + "'",
                "case \"$1 $2\" in",
                "  'get service') exec /bin/cat \"$F/service.json\" ;;",
                "  'get pods') exec /bin/cat \"$F/pods.json\" ;;",
                "  'logs --previous')",
                "    if [ -f \"$F/logs/$3.$5\" ]; then exec /bin/cat \"$F/logs/$3.$5\"; fi",
                "    echo \"Error from server (BadRequest): previous terminated container \\\"$5\\\" in pod \\\"$3\\\" not found\" >&2",
                "    exit 1 ;;",
                "  *) echo '{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}' ;;",
                "esac", ""));
        assertThat(kubectl.toFile().setExecutable(true)).isTrue();
        env = Map.of("PATH", bin.toString());
        Files.writeString(fixtures.resolve("service.json"), "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":"
                + "{\"name\":\"otel-collector\",\"namespace\":\"observability\"},\"spec\":{\"type\":\"ClusterIP\","
                + "\"clusterIP\":\"10.96.0.42\",\"selector\":{\"app\":\"otel-collector\"},\"ports\":[{\"name\":\"otlp-grpc\","
                + "\"port\":4317,\"targetPort\":4317,\"protocol\":\"TCP\"}]}}");
    }

    /** A pod of the collector with the given container status, and an istio sidecar that restarted too. */
    private List<JsonObject> pods(String collectorStatus) throws IOException {
        String pods = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"metadata\":{\"name\":\"" + POD + "\","
                + "\"namespace\":\"observability\",\"labels\":{\"app\":\"otel-collector\"}},\"spec\":{\"containers\":["
                + "{\"name\":\"otel-collector\",\"image\":\"otel/opentelemetry-collector-contrib:0.159.0\","
                + "\"args\":[\"--config=/conf/relay.yaml\"],\"ports\":[{\"name\":\"otlp-grpc\",\"containerPort\":4317}]},"
                + "{\"name\":\"istio-proxy\",\"image\":\"istio/proxyv2\"}]},\"status\":{\"phase\":\"Running\","
                + "\"containerStatuses\":[" + collectorStatus + ",{\"name\":\"istio-proxy\",\"ready\":true,"
                + "\"restartCount\":2,\"state\":{\"running\":{\"startedAt\":\"2026-12-01T20:00:00Z\"}}}]}}]}";
        Files.writeString(fixtures.resolve("pods.json"), pods);
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement item : JsonParser.parseString(pods).getAsJsonObject().getAsJsonArray("items")) {
            out.add(item.getAsJsonObject());
        }
        return out;
    }

    private void previousLog(Instant first, List<String> lines) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(first.plusMillis(i * 10L)).append(' ').append(lines.get(i)).append('\n');
        }
        Files.writeString(fixtures.resolve("logs/" + POD + ".otel-collector"), out.toString());
    }

    private static Finding one(ProbeRun run, String code) {
        List<Finding> found = run.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertThat(found).as("%s in %s", code, run.findings()).hasSize(1);
        return found.get(0);
    }

    @Test
    void aCrashLoopingContainersPreviousRunSaysWhy() throws Exception {
        Instant crashed = Instant.now().minusSeconds(40);
        List<JsonObject> pods = pods("{\"name\":\"otel-collector\",\"ready\":false,\"restartCount\":6,\"state\":{\"waiting\":"
                + "{\"reason\":\"CrashLoopBackOff\",\"message\":\"back-off 5m0s restarting failed container\"}},\"lastState\":"
                + "{\"terminated\":{\"exitCode\":1,\"reason\":\"Error\",\"startedAt\":\"" + crashed.minusMillis(300)
                + "\",\"finishedAt\":\"" + crashed + "\"}}}");
        previousLog(crashed.minusMillis(200), List.of(UNKNOWN_TYPE.get(0), UNKNOWN_TYPE.get(1)));

        ProbeRun run = PodStatuses.inspect(pods, "otel-collector.observability.svc.cluster.local", env,
                Deadline.after(Duration.ofSeconds(10))).orElseThrow();

        assertThat(run.probe()).isEqualTo("service");
        Finding down = one(run, "service.down");
        assertThat(down.evidence()).containsEntry("manager", "kubernetes")
                .containsEntry("name", "observability/" + POD + " container otel-collector")
                .containsEntry("state", "waiting: CrashLoopBackOff; last run exit code 1 (Error)")
                .containsEntry("restarts", 6).containsEntry("errorCode", "collector-log.config-invalid")
                .containsEntry("configs", List.of("/conf/relay.yaml"));
        assertThat(down.detail()).startsWith("The collector exited at start ").contains(" seconds ago (kubernetes: waiting: "
                + "CrashLoopBackOff; last run exit code 1 (Error), 6 restarts): 'exporters' unknown type: \"logging\"");
        Finding invalid = one(run, "collector-log.config-invalid");
        assertThat(invalid.evidence()).containsEntry("type", "logging")
                .containsEntry("source", "kubectl logs --previous -n observability " + POD + " -c otel-collector");
        // the mesh sidecar's restarts are not the collector's
        assertThat(run.findings()).noneMatch(f -> String.valueOf(f.evidence().get("name")).contains("istio-proxy"));
        assertThat(Files.readString(calls)).contains("logs --previous " + POD + " -c otel-collector -n observability "
                + "--timestamps --tail=200 --limit-bytes=262144");
    }

    @Test
    void aContainerKilledForMemoryThatRunsAgainIsAWarning() throws Exception {
        List<JsonObject> pods = pods("{\"name\":\"otel-collector\",\"ready\":true,\"restartCount\":4,\"state\":{\"running\":"
                + "{\"startedAt\":\"2026-12-01T22:00:00Z\"}},\"lastState\":{\"terminated\":{\"exitCode\":137,"
                + "\"reason\":\"OOMKilled\",\"finishedAt\":\"2026-12-01T21:59:58Z\"}}}");
        previousLog(Instant.parse("2026-12-01T21:50:00Z"), List.of(STARTING, READY, SOFT_LIMIT, HARD_LIMIT, DROPPED_401));

        ProbeRun run = PodStatuses.inspect(pods, "svc", env, Deadline.after(Duration.ofSeconds(10))).orElseThrow();

        assertThat(one(run, "service.restarted").evidence()).containsEntry("restarts", 4)
                .containsEntry("state", "running; last run exit code 137 (OOMKilled)");
        Finding oom = one(run, "collector-log.oom-killed");
        assertThat(oom.severity()).isEqualTo(Severity.WARN);
        assertThat(oom.evidence().get("line")).asString().contains("OOMKilled, exit code 137");
        assertThat(one(run, "collector-log.memory-limited").evidence()).containsEntry("occurrences", 2);
        SECRETS.forEach(secret -> assertThat(run.findings().toString()).doesNotContain(secret));
    }

    @Test
    void aPreviousLogKubectlCannotGiveIsNamedNotGuessed() throws Exception {
        List<JsonObject> pods = pods("{\"name\":\"otel-collector\",\"ready\":false,\"restartCount\":0,\"state\":{\"waiting\":"
                + "{\"reason\":\"CreateContainerConfigError\",\"message\":\"configmap \\\"otel-conf\\\" not found\"}}}");
        ProbeRun run = PodStatuses.inspect(pods, "svc", env, Deadline.after(Duration.ofSeconds(10))).orElseThrow();
        assertThat(one(run, "service.down").evidence()).containsEntry("state", "waiting: CreateContainerConfigError");
        assertThat(String.valueOf(one(run, "service.unreadable").evidence().get("reason")))
                .contains("previous terminated container \"otel-collector\" in pod \"" + POD + "\" not found");
    }

    @Test
    void podsThatRunAndNeverRestartedAddNothing() throws Exception {
        List<JsonObject> pods = pods("{\"name\":\"otel-collector\",\"ready\":true,\"restartCount\":0,\"state\":{\"running\":"
                + "{\"startedAt\":\"2026-12-01T22:00:00Z\"}}}");
        assertThat(PodStatuses.inspect(pods, "svc", env, Deadline.after(Duration.ofSeconds(10)))).isEmpty();
    }

    @Test
    void checkK8sServiceReportsTheCrashBesideTheServiceView() throws Exception {
        Instant crashed = Instant.now().minusSeconds(90);
        pods("{\"name\":\"otel-collector\",\"ready\":false,\"restartCount\":3,\"state\":{\"waiting\":{\"reason\":"
                + "\"CrashLoopBackOff\"}},\"lastState\":{\"terminated\":{\"exitCode\":1,\"reason\":\"Error\",\"finishedAt\":\""
                + crashed + "\"}}}");
        previousLog(crashed.minusSeconds(1), List.of(FAILED_TO_START_COMPONENT, ADDRESS_IN_USE, REJECTED_403));
        CliDriver.Result result = CliDriver.create().env("PATH", dir.resolve("bin") + ":/usr/bin:/bin")
                .run("check", "--k8s-service", "otel-collector.observability", "--timeout", "10s", "-o", "json");
        JsonObject doc = JsonParser.parseString(result.out()).getAsJsonObject();
        List<String> codes = new ArrayList<>();
        for (JsonElement f : doc.getAsJsonArray("findings")) {
            if (f.getAsJsonObject().get("probe").getAsString().equals("service")) {
                codes.add(f.getAsJsonObject().get("code").getAsString());
            }
        }
        assertThat(codes).as(result.toString()).containsExactly("service.down", "collector-log.address-in-use",
                "collector-log.export-failed");
        SECRETS.forEach(secret -> assertThat(result.out() + result.err()).doesNotContain(secret));
    }
}
