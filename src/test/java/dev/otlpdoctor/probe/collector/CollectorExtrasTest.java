package dev.otlpdoctor.probe.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.diagnose.Diagnoser;
import dev.otlpdoctor.diagnose.PathFacts;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.probe.net.DnsProbe;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.CollectorCodes;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.TargetParser;
import dev.otlpdoctor.testing.HostileServer;
import dev.otlpdoctor.testing.ProbeHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health and metrics probes against loopback servers that answer as collectors of several versions do. */
class CollectorExtrasTest {
    private FakeCollector collector;

    @BeforeEach
    void start() throws IOException {
        collector = new FakeCollector();
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    @Test
    void readyHealthCheckPasses() {
        List<Finding> found = run(collector.url("/"), collector.url("/metrics"), false);
        Finding health = only(found, "collector.healthy");
        assertThat(health.severity()).isEqualTo(Severity.PASS);
        assertThat(health.evidence()).containsEntry("status", "Server available").containsEntry("uptime", "1h2m3.4s");
        assertThat(health.title()).isEqualTo("the collector's health_check answers 'Server available' (200)");
    }

    @Test
    void notReadyHealthCheckWarns() {
        collector.healthStatus = 503;
        collector.healthBody = CollectorPages.V1_NOT_READY;
        Finding health = only(run(collector.url("/"), collector.url("/metrics"), false), "collector.starting");
        assertThat(health.severity()).isEqualTo(Severity.WARN);
        assertThat(health.evidence()).containsEntry("status", "Server not available");
    }

    @Test
    void fatalComponentInHealthCheckV2Fails() {
        collector.healthStatus = 500;
        collector.healthBody = CollectorPages.V2_FATAL;
        Finding health = only(run(collector.url("/"), collector.url("/metrics"), false), "collector.unhealthy");
        assertThat(health.severity()).isEqualTo(Severity.FAIL);
        assertThat(health.evidence().get("componentsWithErrors").toString())
                .contains("exporter:otlp/backend: StatusFatalError (failed to connect)")
                .doesNotContain("receiver:otlp");
    }

    @Test
    void customResponseBodyIsJudgedByTheStatusCode() {
        collector.healthBody = "I'm OK";
        Finding health = only(run(collector.url("/"), collector.url("/metrics"), false), "collector.healthy");
        assertThat(health.title()).isEqualTo("the collector's health_check answers ready (200)");
        assertThat(health.evidence()).containsEntry("body", "custom or empty body");
    }

    @Test
    void wrongPathIsNotTheExtension() {
        collector.healthPath = "/health/status";
        Finding f = only(run(collector.url("/"), collector.url("/metrics"), false),
                "collector.health-unavailable");
        assertThat(f.evidence().get("reason").toString()).startsWith("HTTP 404");
    }

    @Test
    void serverThatClosesEachConnectionAnswersEveryProbe() throws IOException {
        try (Http10Server server = new Http10Server(Map.of("/", CollectorPages.V1_READY, "/metrics", CollectorPages.V0_100))) {
            List<Finding> found = run(server.url("/"), server.url("/metrics"), true);
            assertThat(found).extracting(Finding::code).contains("collector.healthy", "collector.telemetry-read")
                    .doesNotContain("collector.telemetry-unavailable");
        }
    }

    @Test
    void absentEndpointsAreInformationNotFailure() throws IOException {
        URI closed;
        try (HostileServer s = HostileServer.silent()) {
            closed = s.url("/");
        }
        List<Finding> found = run(closed, closed.resolve("/metrics"), false);
        assertThat(only(found, "collector.health-unavailable").evidence()).containsEntry("reason", "connection refused");
        assertThat(only(found, "collector.telemetry-unavailable").severity()).isEqualTo(Severity.INFO);
        assertThat(found).allMatch(f -> !f.severity().atLeast(Severity.WARN));
    }

    @Test
    void healthEndpointThatHangsLeavesTimeForTheMetrics() throws IOException {
        try (HostileServer silent = HostileServer.silent()) {
            List<Finding> found = run(silent.url("/"), collector.url("/metrics"), false, Duration.ofSeconds(2));
            assertThat(only(found, "collector.health-unavailable").evidence().get("reason").toString()).contains("no answer");
            assertThat(only(found, "collector.telemetry-read").severity()).isEqualTo(Severity.PASS);
        }
    }

    @Test
    void metricsPageThatNeverEndsIsCutAtTheByteCap() throws IOException {
        try (HostileServer endless = HostileServer.endlessBody()) {
            List<Finding> found = run(collector.url("/"), endless.url("/metrics"), false, Duration.ofSeconds(3));
            Finding unavailable = only(found, "collector.telemetry-unavailable");
            assertThat(unavailable.evidence().get("reason").toString()).satisfiesAnyOf(
                    r -> assertThat(r).contains("larger than"),
                    r -> assertThat(r).contains("did not arrive within"));
        }
    }

    @Test
    void metricsPageThatTricklesForeverEndsAtTheDeadline() throws IOException {
        try (HostileServer trickling = HostileServer.trickling()) {
            List<ProbeRun> runs = runChain(collector.url("/"), trickling.url("/metrics"), false, Duration.ofSeconds(1));
            ProbeRun metrics = runs.stream().filter(r -> r.probe().equals("collector-metrics")).findFirst().orElseThrow();
            // The read ends at the deadline; whether the probe reports that itself or the runner reports it as
            // cut off depends on scheduling, and both say so.
            assertThat(metrics.findings()).singleElement().satisfies(f -> assertThat(f.code().equals(
                    "collector.telemetry-unavailable") ? f.evidence().get("reason").toString() : f.detail())
                    .containsAnyOf("did not arrive within", "deadline"));
        }
    }

    @Test
    void garbageIsAFindingNotACrash() {
        collector.metricsPage = () -> "<html><body>Welcome to nginx!</body></html>\n{\"not\": \"prometheus\"}\n";
        Finding f = only(run(collector.url("/"), collector.url("/metrics"), false), "collector.telemetry-unrecognised");
        assertThat(f.evidence()).containsEntry("malformedLines", 2).containsEntry("samples", 0);
        assertThat(f.evidence().get("firstMalformedLine").toString()).startsWith("<html>");
    }

    @Test
    void v0_100PageShowsMemoryLimiterBackPressure() {
        collector.metricsPage = () -> CollectorPages.V0_100;
        List<Finding> found = run(collector.url("/"), collector.url("/metrics"), false);
        Finding read = only(found, "collector.telemetry-read");
        assertThat(read.evidence().get("versionFamily").toString())
                .contains("without _total").contains("before v0.111.0");
        assertThat(read.evidence().get("traces").toString()).isEqualTo("spans accepted 1200, refused 40, sent 1200, send failed 0");
        Finding refusing = only(found, "collector.receiver-refusing");
        assertThat(refusing.severity()).isEqualTo(Severity.WARN);
        assertThat(refusing.evidence()).containsEntry("receiver", "otlp").containsEntry("refused", "40")
                .containsEntry("accepted", "1200");
        assertThat(only(found, "collector.processor-refusing").evidence()).containsEntry("processor", "memory_limiter");
        assertThat(found).noneMatch(f -> f.code().equals("collector.queue-full"));
    }

    @Test
    void v0_130PageNamesTheFailingExporterAndItsFullQueue() {
        collector.metricsPage = () -> CollectorPages.V0_130;
        List<Finding> found = run(collector.url("/"), collector.url("/metrics"), false);
        assertThat(only(found, "collector.telemetry-read").evidence().get("versionFamily").toString())
                .contains("v0.110.0 or later").contains("v0.106.0 or later");
        Finding failing = only(found, "collector.exporter-failing");
        assertThat(failing.evidence()).containsEntry("exporter", "otlphttp/vendor").containsEntry("signal", "logs")
                .containsEntry("failed", "5230");
        assertThat(failing.title()).isEqualTo("exporter otlphttp/vendor failed to send 5230 log records");
        Finding queue = only(found, "collector.queue-full");
        assertThat(queue.severity()).isEqualTo(Severity.FAIL);
        assertThat(queue.evidence()).containsEntry("size", "1000").containsEntry("capacity", "1000");
    }

    @Test
    void sampleCountedAsAcceptedBetweenTwoScrapes() {
        List<Finding> found = run(collector.url("/"), collector.url("/metrics"), true);
        assertThat(only(found, "collector.telemetry-read").evidence().get("versionFamily").toString())
                .contains("end in _total").contains("v0.155.0 or later").contains("v0.133.0 or later");
        Finding sample = only(found, "collector.sample-accepted");
        assertThat(sample.evidence()).containsEntry("signal", "traces").containsEntry("acceptedDuringRun", "1")
                .containsEntry("exportersFailedDuringRun", "none");
    }

    @Test
    void sampleLostAtTheExporterIsDiagnosedAsTheBackend() {
        collector.exporterFails = true;
        List<ProbeRun> runs = runChain(collector.url("/"), collector.url("/metrics"), true, Duration.ofSeconds(5));
        List<Finding> found = findings(runs);
        Finding lost = only(found, "collector.sample-lost");
        assertThat(lost.evidence().get("stage").toString()).isEqualTo("accepted, then exporter otlp/tempo +1 failed to send");
        Finding failing = only(found, "collector.exporter-failing");
        assertThat(failing.severity()).isEqualTo(Severity.FAIL);
        assertThat(failing.evidence()).containsEntry("duringRun", "1");
        Diagnosis diagnosis = new Diagnoser().diagnose(target(), runs, PathFacts.networkOnly(Set.of())).diagnosis();
        assertThat(diagnosis.code()).isEqualTo("collector.exporter-failing");
        assertThat(diagnosis.summary()).contains("otlp/tempo").contains("application side is not the problem");
    }

    @Test
    void sampleNotCountedWhenTheMetricsBelongToAnotherCollector() throws IOException {
        try (FakeCollector other = new FakeCollector()) {
            // The sample goes to `collector`, the counters are read from `other`.
            List<Finding> found = run(collector.url("/"), other.url("/metrics"), true);
            assertThat(only(found, "collector.sample-lost").evidence().get("stage").toString())
                    .startsWith("not counted by the collector at");
        }
    }

    @Test
    void receiverRefusalsAreDiagnosedAsBackPressure() {
        collector.metricsPage = () -> CollectorPages.v0_155WithTypeSuffix(500, 25, 0);
        List<ProbeRun> runs = runChain(collector.url("/"), collector.url("/metrics"), false, Duration.ofSeconds(5));
        Diagnosis diagnosis = new Diagnoser().diagnose(target(), runs, PathFacts.networkOnly(Set.of())).diagnosis();
        assertThat(diagnosis.code()).isEqualTo(CollectorCodes.RECEIVER_REFUSING.code());
        assertThat(diagnosis.summary()).contains("otlp").contains("memory_limiter");
    }

    private List<Finding> run(URI health, URI metrics, boolean sendSample) {
        return run(health, metrics, sendSample, Duration.ofSeconds(5));
    }

    private List<Finding> run(URI health, URI metrics, boolean sendSample, Duration timeout) {
        return findings(runChain(health, metrics, sendSample, timeout));
    }

    private List<ProbeRun> runChain(URI health, URI metrics, boolean sendSample, Duration timeout) {
        ProbeSettings settings = ProbeSettings.builder().sendSample(sendSample).healthUrl(health).metricsUrl(metrics).build();
        return ProbeHarness.chain(target(), settings, timeout, new DnsProbe(), new MetricsBaselineProbe(), new SampleSender(),
                new HealthProbe(), new MetricsProbe());
    }

    private Target target() {
        return new TargetParser(Protocol.AUTO, "--protocol").parse(
                "127.0.0.1:" + collector.url("/").getPort(), Source.argument(1));
    }

    private static List<Finding> findings(List<ProbeRun> runs) {
        List<Finding> out = new ArrayList<>();
        runs.forEach(r -> out.addAll(r.findings()));
        return out;
    }

    private static Finding only(List<Finding> found, String code) {
        List<Finding> matching = found.stream().filter(f -> f.code().equals(code)).toList();
        assertThat(matching).as("findings with code %s among %s", code, found).hasSize(1);
        return matching.get(0);
    }

    /**
     * Stands in for the OTLP probes: with --send-sample it posts one span as OTLP/JSON to the endpoint and
     * records it in the ledger, as they will.
     */
    private static final class SampleSender implements Probe {
        private static final String ONE_SPAN = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{"
                + "\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\","
                + "\"name\":\"otlpdoctor-sample\",\"kind\":1,\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}]}]}]}";

        @Override
        public ProbeInfo info() {
            return ProbeInfo.of("sample", Scope.ENDPOINT);
        }

        @Override
        public void run(ProbeContext context, FindingSink findings) throws InterruptedException {
            if (!context.settings().sendSample()) {
                return;
            }
            URI url = URI.create("http://127.0.0.1:" + context.endpoint().port() + "/v1/traces");
            HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ONE_SPAN)).build();
            try {
                HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    context.facts().get(MetricsBaselineProbe.SAMPLES).orElseThrow().sent(Signal.TRACES, 1);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
