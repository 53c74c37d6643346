package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.JsonSchemaAssert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --k8s-service} against a stand-in kubectl that prints recorded API answers
 * (src/test/resources/kubectl/&lt;scenario&gt;). The Service's cluster DNS name never resolves in tests
 * (names come from src/test/resources/hosts), so the network part ends at dns.unresolved.
 */
class CheckK8sServiceTest {
    private static final Path FIXTURES = Path.of("src/test/resources/kubectl").toAbsolutePath();

    @TempDir
    Path dir;
    private Path bin;
    private Path calls;

    @BeforeEach
    void installFakeKubectl() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        Path kubectl = Files.copy(FIXTURES.resolve("fake-kubectl.sh"), bin.resolve("kubectl"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(kubectl.toFile().setExecutable(true)).isTrue();
        calls = dir.resolve("calls.log");
    }

    private CliDriver.Result run(String scenario, String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--timeout", "10s", "-o", "json"));
        all.addAll(List.of(args));
        return CliDriver.create()
                .env("PATH", bin + ":/usr/bin:/bin")
                .env("KUBECTL_FIXTURES", FIXTURES.resolve(scenario).toString())
                .env("KUBECTL_CALLS", calls.toString())
                .run(all.toArray(String[]::new));
    }

    private static List<String> k8sCodes(JsonObject doc) {
        List<String> codes = new ArrayList<>();
        for (JsonElement f : doc.getAsJsonArray("findings")) {
            JsonObject finding = f.getAsJsonObject();
            if (finding.get("probe").getAsString().equals("k8s")) {
                codes.add(finding.get("code").getAsString() + ":" + finding.get("severity").getAsString());
            }
        }
        return codes;
    }

    private static JsonObject finding(JsonObject doc, String code) {
        for (JsonElement f : doc.getAsJsonArray("findings")) {
            if (f.getAsJsonObject().get("code").getAsString().equals(code)) {
                return f.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + code + " in " + doc);
    }

    @Test
    void healthyServiceThenProbesItsClusterDnsName() throws IOException {
        JsonObject doc = assertThatRun(run("healthy", "--k8s-service", "otel-collector.observability")).json();
        assertThat(k8sCodes(doc)).containsExactly("k8s.service-found:pass", "k8s.endpoints-ready:pass",
                "k8s.outside-cluster:info");
        assertThat(finding(doc, "k8s.endpoints-ready").getAsJsonObject("evidence").get("addresses").toString())
                .contains("otel-collector-7d9f8b6c5-x2x4p (10.244.1.17)");
        JsonObject target = doc.getAsJsonObject("target");
        assertThat(target.get("host").getAsString()).isEqualTo("otel-collector.observability.svc.cluster.local");
        assertThat(target.getAsJsonArray("endpoints")).hasSize(2);
        assertThat(finding(doc, "dns.unresolved").get("endpoint").getAsString())
                .isEqualTo("otel-collector.observability.svc.cluster.local");
        assertThat(Files.readAllLines(calls)).containsExactly(
                "get service otel-collector -n observability -o json",
                "get pods -l app.kubernetes.io/name=otel-collector -n observability -o json",
                "get endpointslices -l kubernetes.io/service-name=otel-collector -n observability -o json");
    }

    /** Regression (issue 15): the target's source kind "k8s-service" was not in the schema's enum. */
    @Test
    void theJsonDocumentMatchesTheSchemaWithTheServiceAsSource() {
        CliDriver.Result result = run("healthy", "--k8s-service", "otel-collector.observability");
        JsonSchemaAssert.assertMatchesSchema("docs/json-schema.json", result);
        JsonObject source = assertThatRun(result).json().getAsJsonObject("target").getAsJsonObject("source");
        assertThat(source.get("kind").getAsString()).isEqualTo("k8s-service");
        assertThat(source.get("name").getAsString()).isEqualTo("otel-collector.observability");
    }

    @Test
    void selectorMatchingNoPodIsNamedWithTheTemplateItWasMeantFor() {
        CliDriver.Result result = run("selector-mismatch", "--k8s-service", "otel-collector.observability");
        JsonObject doc = assertThatRun(result).exitsWith(1).json();
        assertThat(k8sCodes(doc)).containsExactly("k8s.service-found:pass", "k8s.selector-mismatch:fail",
                "k8s.no-endpoints:fail", "k8s.outside-cluster:info");
        JsonObject mismatch = finding(doc, "k8s.selector-mismatch");
        assertThat(mismatch.get("title").getAsString())
                .isEqualTo("Service otel-collector selects no collector pod (app=otel-collector)");
        assertThat(mismatch.getAsJsonObject("evidence").get("closestWorkload").getAsString())
                .isEqualTo("Deployment/otel-collector");
        assertThat(mismatch.get("remediation").toString()).contains("app.kubernetes.io/name: opentelemetry-collector");
        assertThat(finding(doc, "k8s.no-endpoints").get("title").getAsString()).endsWith("its selector matches no pod");
    }

    @Test
    void crashingPodNamedTargetPortAndMeshWithoutAppProtocol() {
        JsonObject doc = assertThatRun(run("broken-ports", "--k8s-service", "otel-collector.observability")).exitsWith(1).json();
        assertThat(k8sCodes(doc)).containsExactly("k8s.service-found:pass", "k8s.service-port-missing:warn",
                "k8s.pods-not-ready:fail", "k8s.no-endpoints:fail", "k8s.target-port-mismatch:fail",
                "k8s.app-protocol-missing:warn", "k8s.outside-cluster:info");
        assertThat(finding(doc, "k8s.pods-not-ready").getAsJsonObject("evidence").get("pods").getAsString())
                .isEqualTo("otel-collector-5c6d7-abcde Running CrashLoopBackOff");
        assertThat(finding(doc, "k8s.target-port-mismatch").get("title").getAsString())
                .isEqualTo("Service otel-collector port 4317 targets grpc, where nothing listens");
        assertThat(finding(doc, "k8s.target-port-mismatch").get("detail").getAsString())
                .startsWith("No container declares a port named 'grpc'");
        assertThat(finding(doc, "k8s.service-port-missing").get("title").getAsString())
                .isEqualTo("Service otel-collector does not expose OTLP/HTTP port 4318");
        assertThat(finding(doc, "k8s.app-protocol-missing").getAsJsonObject("evidence").get("meshSidecar").getAsString())
                .isEqualTo("istio-proxy");
        assertThat(doc.getAsJsonObject("target").getAsJsonArray("endpoints")).as("only the Service's port").hasSize(1);
    }

    @Test
    void swappedTargetPortsSendGrpcToTheHttpServer() {
        JsonObject doc = assertThatRun(run("swapped-ports", "--k8s-service", "otel-collector.observability"))
                .exitsWith(1).json();
        assertThat(k8sCodes(doc)).containsExactly("k8s.service-found:pass", "k8s.endpoints-ready:pass",
                "k8s.target-port-mismatch:fail", "k8s.target-port-mismatch:fail", "k8s.outside-cluster:info");
        assertThat(finding(doc, "k8s.target-port-mismatch").get("detail").getAsString()).isEqualTo(
                "Service port 4317 (OTLP/gRPC by convention) forwards to container port 4318 (OTLP/HTTP): "
                        + "clients speaking gRPC reach the HTTP server.");
    }

    @Test
    void whatKubectlMayNotReadIsSkippedNotConcluded() throws IOException {
        JsonObject doc = assertThatRun(run("forbidden-pods", "--k8s-service", "otel-collector.observability")).json();
        assertThat(k8sCodes(doc)).as("no selector-mismatch from a list that could not be read").containsExactly(
                "k8s.service-found:pass", "k8s.kubectl-unavailable:skip", "k8s.endpoints-ready:pass",
                "k8s.outside-cluster:info");
        assertThat(finding(doc, "k8s.kubectl-unavailable").get("title").getAsString()).isEqualTo(
                "Kubernetes checks skipped: kubectl could not list the pods it selects: Error from server (Forbidden): "
                        + "pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" "
                        + "in the namespace \"observability\"");
        assertThat(finding(doc, "k8s.endpoints-ready").getAsJsonObject("evidence").get("addresses").toString())
                .contains("otel-collector-7d9f8b6c5-x2x4p (10.244.1.17)");
        assertThat(Files.readAllLines(calls)).contains(
                "get endpoints otel-collector -n observability -o json");
    }

    @Test
    void missingServiceIsAFailure() {
        JsonObject doc = assertThatRun(run("not-found", "--k8s-service", "otel-collector")).exitsWith(1).json();
        assertThat(k8sCodes(doc)).containsExactly("k8s.service-not-found:fail", "k8s.outside-cluster:info");
        assertThat(finding(doc, "k8s.service-not-found").getAsJsonObject("evidence").get("kubectl").getAsString())
                .isEqualTo("Error from server (NotFound): services \"otel-collector\" not found");
    }

    @Test
    void kubectlErrorsAndAbsenceAreSkipsWithOneLine() {
        CliDriver.Result failing = run("no-cluster", "--k8s-service", "otel-collector.observability");
        JsonObject doc = assertThatRun(failing).stderrIsEmpty().json();
        assertThat(k8sCodes(doc)).containsExactly("k8s.kubectl-unavailable:skip", "k8s.outside-cluster:info");
        assertThat(finding(doc, "k8s.kubectl-unavailable").get("title").getAsString()).isEqualTo(
                "Kubernetes checks skipped: kubectl failed: The connection to the server localhost:8080 "
                        + "was refused - did you specify the right host or port?");

        CliDriver.Result absent = CliDriver.create().env("PATH", dir.resolve("empty").toString())
                .run("check", "--k8s-service", "otel-collector", "--timeout", "5s");
        assertThatRun(absent).exitsWith(1).stdoutContains("SKIP", "kubectl is not on the PATH",
                "otel-collector.default.svc.cluster.local");
        assertThat(absent.out()).as("the note names the port-forward that works from here")
                .contains("kubectl port-forward -n default svc/otel-collector 4317 4318");
    }

    @Test
    void insideAPodTheClusterDnsNameIsExpectedToResolve() {
        CliDriver.Result result = CliDriver.create()
                .env("PATH", bin + ":/usr/bin:/bin")
                .env("KUBERNETES_SERVICE_HOST", "10.96.0.1")
                .env("KUBECTL_FIXTURES", FIXTURES.resolve("healthy").toString())
                .env("KUBECTL_CALLS", calls.toString())
                .run("check", "--k8s-service", "otel-collector.observability", "-o", "json");
        assertThat(k8sCodes(assertThatRun(result).json())).containsExactly("k8s.service-found:pass",
                "k8s.endpoints-ready:pass");
    }

    @Test
    void usageErrors() {
        assertThatRun(run("healthy", "--k8s-service", "otel-collector", "collector:4317"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("give it without a TARGET");
        assertThatRun(run("healthy", "--k8s-service", "Otel_Collector"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("expected NAME or NAME.NAMESPACE");
    }
}
