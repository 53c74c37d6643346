package dev.otlpdoctor.probe.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.otlp.Signal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionTest {

    @Test
    void parsesLabelsEscapesSpecialValuesAndTimestamps() {
        Exposition page = Exposition.parse("""
                # HELP otelcol_receiver_accepted_spans Number of spans successfully pushed into the pipeline.
                # TYPE otelcol_receiver_accepted_spans counter
                otelcol_receiver_accepted_spans{receiver="otlp",transport="grpc"} 1.284551e+06
                otelcol_exporter_sent_spans{exporter="otlp/a \\"quoted\\" \\\\ b\\nc",} 7 1700000000000
                otelcol_process_uptime 12.5
                http_server_duration_bucket{le="+Inf"} +Inf
                weird_value NaN
                """);
        assertThat(page.malformedLines()).isZero();
        assertThat(page.samples()).hasSize(5);
        assertThat(page.samples().get(0).labels()).isEqualTo(Map.of("receiver", "otlp", "transport", "grpc"));
        assertThat(page.samples().get(0).value()).isEqualTo(1284551.0);
        assertThat(page.samples().get(1).label("exporter")).isEqualTo("otlp/a \"quoted\" \\ b\nc");
        assertThat(page.samples().get(1).value()).isEqualTo(7.0);
        assertThat(page.samples().get(2).labels()).isEmpty();
        assertThat(page.samples().get(3).value()).isInfinite();
        assertThat(page.samples().get(4).value()).isNaN();
    }

    @Test
    void countsMalformedLinesAndKeepsTheValidOnes() {
        Exposition page = Exposition.parse("""
                otelcol_receiver_refused_spans{receiver="otlp" 3
                otelcol_receiver_refused_spans{receiver=otlp} 3
                otelcol_receiver_refused_spans{receiver="otlp"} three
                otelcol_receiver_refused_spans{receiver="otlp"} 3 now
                {"status":"Server available"}
                otelcol_receiver_refused_spans{receiver="otlp"} 4
                """);
        assertThat(page.malformedLines()).isEqualTo(5);
        assertThat(page.firstMalformed()).isEqualTo("otelcol_receiver_refused_spans{receiver=\"otlp\" 3");
        assertThat(page.samples()).singleElement().extracting(Exposition.Sample::value).isEqualTo(4.0);
    }

    @Test
    void stopsAtTheLineCap() {
        String page = "otelcol_process_uptime 1\n".repeat(Exposition.MAX_LINES + 10);
        Exposition parsed = Exposition.parse(page);
        assertThat(parsed.lineCapReached()).isTrue();
        assertThat(parsed.samples()).hasSize(Exposition.MAX_LINES);
    }

    @Test
    void countersAreRecognisedWithAndWithoutPrefixAndSuffix() {
        CollectorCounters counters = CollectorCounters.of(Exposition.parse("""
                otelcol_receiver_accepted_spans{receiver="otlp",transport="grpc"} 10
                otelcol_receiver_accepted_spans{receiver="otlp",transport="http"} 5
                receiver_accepted_spans_total{receiver="zipkin"} 2
                otelcol_exporter_send_failed_metric_points_total{exporter="prometheusremotewrite"} 3
                otelcol_processor_incoming_items{otel_signal="logs",processor="batch"} 9
                """));
        assertThat(counters.byComponent(Measure.RECEIVER_ACCEPTED, Signal.TRACES))
                .isEqualTo(Map.of("otlp", 15.0, "zipkin", 2.0));
        assertThat(counters.total(Measure.EXPORTER_SEND_FAILED, Signal.METRICS)).isEqualTo(3.0);
        assertThat(counters.value(Measure.PROCESSOR_INCOMING, Signal.LOGS, "batch")).isEqualTo(9.0);
        assertThat(counters.versionFamily()).contains("without _total").contains("end in _total")
                .contains("without the otelcol_ prefix").contains("v0.110.0 or later");
    }
}
