package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 15): {@code check} without TARGET and {@code env --check} read the same
 * {@code OTEL_EXPORTER_OTLP_*} variables into the same targets. Before, an endpoint on 4317 without
 * {@code _PROTOCOL} was probed over gRPC by one and over HTTP by the other. The probes' outcome does not
 * matter here (nothing needs to listen): only which endpoints, protocols and TLS each command chose.
 */
class EnvironmentTargetsTest {

    @Test
    void anEndpointOn4317WithoutProtocolIsProbedTheSameWayByBoth() {
        List<JsonObject> targets = sameTargets(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317"));
        assertThat(targets).singleElement().satisfies(t -> {
            JsonObject endpoint = t.getAsJsonArray("endpoints").get(0).getAsJsonObject();
            assertThat(endpoint.get("protocol").getAsString()).isEqualTo("grpc");
            assertThat(endpoint.get("port").getAsInt()).isEqualTo(4317);
            assertThat(endpoint.get("tls").getAsBoolean()).isFalse();
            assertThat(endpoint.get("protocolReason").getAsString()).isEqualTo("port 4317 convention");
        });
    }

    @Test
    void aSchemelessGrpcEndpointIsTlsForBoth() {
        List<JsonObject> targets = sameTargets(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "127.0.0.1:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));
        assertThat(targets).singleElement().satisfies(t -> assertThat(
                t.getAsJsonArray("endpoints").get(0).getAsJsonObject().get("tls").getAsBoolean()).isTrue());
    }

    @Test
    void perSignalEndpointsAndProtocolsGiveTheSameTargets() {
        List<JsonObject> targets = sameTargets(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:4318/custom/v1/traces",
                "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "grpc"));
        // traces: its own URL; metrics: the base over HTTP; logs: the base over gRPC (its own protocol)
        assertThat(targets).extracting(t -> t.getAsJsonObject("source").get("name").getAsString())
                .containsExactly("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT",
                        "OTEL_EXPORTER_OTLP_ENDPOINT");
        assertThat(targets).extracting(t -> t.getAsJsonArray("endpoints").get(0).getAsJsonObject()
                .get("protocol").getAsString()).containsExactly("http", "http", "grpc");
    }

    @Test
    void signalsNotExportedOverOtlpAreNotProbedByEither() {
        List<JsonObject> targets = sameTargets(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://127.0.0.1:4319/v1/metrics",
                "OTEL_METRICS_EXPORTER", "none"));
        assertThat(targets).singleElement().satisfies(t -> assertThat(t.getAsJsonArray("endpoints").get(0)
                .getAsJsonObject().get("port").getAsInt()).isEqualTo(4318));
    }

    /** Runs both commands with the environment; asserts they probed the same targets and returns them. */
    private static List<JsonObject> sameTargets(Map<String, String> env) {
        CliDriver check = CliDriver.create();
        CliDriver envCheck = CliDriver.create();
        env.forEach(check::env);
        env.forEach(envCheck::env);
        CliDriver.Result checked = check.run("check", "--no-local", "--timeout", "1s", "-o", "json");
        assertThat(checked.exitCode()).as(checked.toString()).isIn(0, 1);
        List<JsonObject> fromCheck = targets(assertThatRun(checked).json());
        CliDriver.Result envChecked = envCheck.run("env", "--check", "--timeout", "1s", "-o", "json");
        assertThat(envChecked.exitCode()).as(envChecked.toString()).isIn(0, 1);
        List<JsonObject> fromEnv = targets(assertThatRun(envChecked).json().getAsJsonObject("check"));
        assertThat(fromEnv).as("env --check's targets are check's").isEqualTo(fromCheck);
        return fromCheck;
    }

    /** The targets of a check document (one target, or several), reduced to what the resolver decided. */
    private static List<JsonObject> targets(JsonObject doc) {
        List<JsonObject> targets = new ArrayList<>();
        JsonArray many = doc.getAsJsonArray("targets");
        if (many != null) {
            many.forEach(t -> targets.add(chosen(t)));
        } else {
            targets.add(chosen(doc.getAsJsonObject("target")));
        }
        return targets;
    }

    private static JsonObject chosen(JsonElement target) {
        JsonObject json = target.getAsJsonObject();
        JsonObject chosen = new JsonObject();
        chosen.add("input", json.get("input"));
        chosen.add("source", json.get("source"));
        JsonArray endpoints = new JsonArray();
        for (JsonElement e : json.getAsJsonArray("endpoints")) {
            JsonObject endpoint = e.getAsJsonObject().deepCopy();
            endpoint.remove("status");
            endpoints.add(endpoint);
        }
        chosen.add("endpoints", endpoints);
        return chosen;
    }
}
