package dev.otlpdoctor.probe.collector;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code check} with the collector extras, as a user runs it. */
class CollectorExtrasCliTest {
    private FakeCollector collector;
    private FakeGrpcCollector otlp;

    @BeforeEach
    void start() throws IOException {
        collector = new FakeCollector();
        otlp = FakeGrpcCollector.start();
    }

    @AfterEach
    void stop() {
        collector.close();
        otlp.close();
    }

    @Test
    void healthyCollectorPassesWithItsCountersInTheReport() {
        CliDriver.Result result = CliDriver.create().run("check", "127.0.0.1:" + otlp.port(),
                "--health-url", collector.url("/").toString(), "--metrics-url", collector.url("/metrics").toString(),
                "-o", "json");
        JsonObject json = assertThatRun(result).exitsWith(0).json();
        assertThat(codes(json)).contains("collector.healthy", "collector.telemetry-read");
    }

    @Test
    void fullQueueOfAFailingExporterWarnsAboutTheBackendWhileTheReceiverAccepts() {
        collector.metricsPage = () -> CollectorPages.V0_130;
        String[] check = {"check", "127.0.0.1:" + otlp.port(), "--health-url", collector.url("/").toString(),
                "--metrics-url", collector.url("/metrics").toString(), "-o", "json"};
        // Every signal was accepted: proof outranks what the counters say, so the target warns, not fails.
        JsonObject json = assertThatRun(CliDriver.create().run(check)).exitsWith(0).json();
        assertThat(json.get("status").getAsString()).isEqualTo("warn");
        JsonObject diagnosis = json.getAsJsonObject("diagnosis");
        assertThat(diagnosis.get("code").getAsString()).isEqualTo("collector.exporter-failing");
        assertThat(diagnosis.get("hop").getAsString()).isEqualTo("exporter");
        assertThat(diagnosis.get("summary").getAsString()).contains("otlphttp/vendor");
        assertThat(codes(json)).contains("collector.queue-full", "otlp.ok");
        String[] strict = java.util.Arrays.copyOf(check, check.length + 1);
        strict[check.length] = "--strict";
        assertThatRun(CliDriver.create().run(strict)).exitsWith(1);
    }

    @Test
    void sampleAcceptedAtTheEndpointButNotCountedByTheScrapedCollectorIsNamed() {
        CliDriver.Result result = CliDriver.create().run("check", "127.0.0.1:" + otlp.port(),
                "--health-url", collector.url("/").toString(), "--metrics-url", collector.url("/metrics").toString(),
                "--send-sample", "-o", "json");
        // the OTLP endpoint accepts the sample, but the collector whose counters are read never counts it
        JsonObject json = assertThatRun(result).exitsWith(0).json();
        assertThat(codes(json)).contains("otlp.ok", "collector.sample-lost").doesNotContain("collector.sample-accepted");
        assertThat(otlp.itemsReceived(dev.otlpdoctor.otlp.Signal.TRACES)).isEqualTo(1);
        assertThat(result.out()).contains("not counted by the collector at");
    }

    @Test
    void aMalformedUrlIsAUsageError() {
        CliDriver.Result result = CliDriver.create().run("check", "localhost", "--metrics-url", "collector:8888/metrics");
        assertThatRun(result).exitsWith(2).stderrIsOneErrorLine().stderrContains("--metrics-url", "collector:8888/metrics");
    }

    private static List<String> codes(JsonObject json) {
        List<String> out = new ArrayList<>();
        for (JsonElement f : json.getAsJsonArray("findings")) {
            out.add(f.getAsJsonObject().get("code").getAsString());
        }
        return out;
    }
}
