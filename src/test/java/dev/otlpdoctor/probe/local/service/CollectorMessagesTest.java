package dev.otlpdoctor.probe.local.service;

import static dev.otlpdoctor.probe.local.service.CollectorLogSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorMessagesTest {

    private static List<LogLine> lines(String... texts) {
        List<LogLine> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            out.add(new LogLine(Instant.ofEpochSecond(1_790_000_000L + i), texts[i], "test"));
        }
        return out;
    }

    private static List<LogLine> lines(List<String> texts) {
        return lines(texts.toArray(String[]::new));
    }

    private static CollectorMessages.Recognised only(List<LogLine> lines) {
        List<CollectorMessages.Recognised> found = CollectorMessages.recognise(lines);
        assertThat(found).as("recognised in %s", lines).hasSize(1);
        return found.get(0);
    }

    @Test
    void anInvalidKeyNamesTheKeyAndTheComponentFromTheLinesBeforeIt() {
        CollectorMessages.Recognised r = only(lines(INVALID_KEYS));
        assertThat(r.kind()).isEqualTo(MessageKind.CONFIG_INVALID);
        assertThat(r.line().text()).isEqualTo("'protocols' has invalid keys: htp");
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.details()).containsEntry("problem", "invalid-keys").containsEntry("within", "protocols")
                .containsEntry("keys", "htp").containsEntry("componentId", "otlp").containsEntry("section", "receivers");
    }

    @Test
    void anUnknownComponentTypeNamesTypeAndSection() {
        CollectorMessages.Recognised r = only(lines(UNKNOWN_TYPE));
        assertThat(r.kind()).isEqualTo(MessageKind.CONFIG_INVALID);
        assertThat(r.details()).containsEntry("problem", "unknown-type").containsEntry("type", "logging")
                .containsEntry("section", "exporters");
    }

    @Test
    void aComponentUsedButNotConfiguredNamesThePipeline() {
        assertThat(only(lines(NOT_CONFIGURED)).details()).containsEntry("problem", "not-configured")
                .containsEntry("pipeline", "traces").containsEntry("section", "exporters")
                .containsEntry("componentId", "otlphttp/backend");
        assertThat(only(lines(EXTENSION_NOT_CONFIGURED)).details()).containsEntry("section", "extensions")
                .containsEntry("componentId", "health_check");
    }

    @Test
    void anAddressInUseIsItsOwnCauseNotAGenericFailedStart() {
        CollectorMessages.Recognised r = only(lines(STARTING, FAILED_TO_START_COMPONENT, ADDRESS_IN_USE));
        assertThat(r.kind()).isEqualTo(MessageKind.ADDRESS_IN_USE);
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.details()).containsEntry("address", "0.0.0.0:4317").containsEntry("component", "otlp");
    }

    @Test
    void pipelinesThatFailToBuildOrStart() {
        assertThat(only(lines(TLS_START_FAILED)).kind()).isEqualTo(MessageKind.START_FAILED);
        assertThat(only(lines(TLS_START_FAILED)).details()).containsEntry("component", "otlp");
        assertThat(only(lines(BUILD_FAILED)).kind()).isEqualTo(MessageKind.START_FAILED);
    }

    @Test
    void theMemoryLimiterRefusingData() {
        CollectorMessages.Recognised r = only(lines(SOFT_LIMIT, HARD_LIMIT, SOFT_LIMIT));
        assertThat(r.kind()).isEqualTo(MessageKind.MEMORY_LIMITED);
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.line().text()).contains("Refusing data");
    }

    @Test
    void exportFailuresNameTheirCause() {
        Map<String, String> refused = only(lines(RETRY_REFUSED)).details();
        assertThat(refused).containsEntry("exporter", "otlp/backend");
        assertThat(refused.get("cause")).contains("refused the connection");
        assertThat(only(lines(DROPPED_401)).details().get("cause")).contains("401");
        assertThat(only(lines(REJECTED_403)).details().get("cause")).contains("403");
        assertThat(only(lines(QUEUE_FULL)).details().get("cause")).contains("queue is full");
    }

    @Test
    void theOomKillerAsSystemdLogsIt() {
        CollectorMessages.Recognised r = only(lines(SYSTEMD_OOM));
        assertThat(r.kind()).isEqualTo(MessageKind.OOM_KILLED);
        assertThat(r.line().text()).contains("Failed with result 'oom-kill'");
    }

    @Test
    void aCleanStartAndSystemdsExitLinesAreNoCollectorError() {
        assertThat(CollectorMessages.recognise(lines(STARTING, READY))).isEmpty();
        assertThat(CollectorMessages.recognise(lines(SYSTEMD_EXIT))).isEmpty();
        assertThat(CollectorMessages.isReady(lines(READY).get(0))).isTrue();
    }

    @Test
    void kindsAreReportedInTheOrderTheyFirstOccurred() {
        List<CollectorMessages.Recognised> all = CollectorMessages.recognise(lines(SOFT_LIMIT, RETRY_REFUSED, DROPPED_401,
                SYSTEMD_OOM.get(0)));
        assertThat(all).extracting(CollectorMessages.Recognised::kind).containsExactly(MessageKind.MEMORY_LIMITED,
                MessageKind.EXPORT_FAILED, MessageKind.OOM_KILLED);
        // the latest export failure of the highest rank is the evidence
        assertThat(all.get(1).line().text()).contains("Dropping data");
    }
}
