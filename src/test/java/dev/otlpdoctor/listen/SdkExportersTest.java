package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real OpenTelemetry Java SDK exporters send to listen; the counts must be exact. */
class SdkExportersTest {
    private static final Resource CHECKOUT =
            Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout"));

    private Tally tally;
    private OtlpServers listener;

    @BeforeEach
    void start() throws Exception {
        tally = new Tally(20, Clock.systemUTC());
        listener = OtlpServers.start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()),
                new Recorder(tally, null), PortOwner.UNKNOWN);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    /** The two exporter protocols of the SDK: gRPC and http/protobuf. */
    enum Wire { GRPC, HTTP_PROTOBUF }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void spansMetricPointsAndLogRecordsAreCountedExactly(Wire wire) {
        sendSpans(wire);
        sendMetrics(wire);
        sendLogs(wire);

        Summary s = tally.snapshot();
        assertThat(s.signal(Signal.TRACES).items()).isEqualTo(5);
        assertThat(s.signal(Signal.TRACES).services()).containsOnlyKeys("checkout");
        assertThat(s.signal(Signal.TRACES).services().get("checkout").names())
                .containsExactlyInAnyOrderEntriesOf(Map.of("GET /", 3L, "SELECT orders", 2L));
        // 3 attribute sets of one counter + 1 of another: 4 data points.
        assertThat(s.signal(Signal.METRICS).items()).isEqualTo(4);
        assertThat(s.signal(Signal.METRICS).services().get("checkout").names())
                .containsExactlyInAnyOrderEntriesOf(Map.of("orders", 3L, "payments", 1L));
        assertThat(s.signal(Signal.LOGS).items()).isEqualTo(3);
        assertThat(s.signal(Signal.LOGS).services().get("checkout").names())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ERROR", 1L, "INFO", 2L));
        Protocol expected = wire == Wire.GRPC ? Protocol.GRPC : Protocol.HTTP_PROTOBUF;
        assertThat(s.clients()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.protocol()).isEqualTo(expected);
            assertThat(c.address()).startsWith("127.0.0.1:");
        });
        assertThat(s.rejected()).isEmpty();
        assertThat(s.recent()).hasSize(12);
    }

    private void sendSpans(Wire wire) {
        SpanExporter exporter = wire == Wire.GRPC
                ? OtlpGrpcSpanExporter.builder().setEndpoint(grpcUrl()).build()
                : OtlpHttpSpanExporter.builder().setEndpoint(httpUrl("/v1/traces")).build();
        SdkTracerProvider provider = SdkTracerProvider.builder().setResource(CHECKOUT)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        Tracer tracer = provider.get("test");
        for (int i = 0; i < 3; i++) {
            tracer.spanBuilder("GET /").startSpan().end();
        }
        for (int i = 0; i < 2; i++) {
            tracer.spanBuilder("SELECT orders").startSpan().end();
        }
        assertSucceeded(provider.forceFlush());
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    private void sendMetrics(Wire wire) {
        MetricExporter exporter = wire == Wire.GRPC
                ? OtlpGrpcMetricExporter.builder().setEndpoint(grpcUrl()).build()
                : OtlpHttpMetricExporter.builder().setEndpoint(httpUrl("/v1/metrics")).build();
        SdkMeterProvider provider = SdkMeterProvider.builder().setResource(CHECKOUT)
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
                .build();
        LongCounter orders = provider.get("test").counterBuilder("orders").build();
        for (String country : new String[] {"de", "fr", "it"}) {
            orders.add(1, Attributes.of(AttributeKey.stringKey("country"), country));
        }
        provider.get("test").counterBuilder("payments").build().add(7);
        // Shutting down collects and exports once; a flush before it would export the cumulative points twice.
        assertSucceeded(provider.shutdown());
    }

    private void sendLogs(Wire wire) {
        LogRecordExporter exporter = wire == Wire.GRPC
                ? OtlpGrpcLogRecordExporter.builder().setEndpoint(grpcUrl()).build()
                : OtlpHttpLogRecordExporter.builder().setEndpoint(httpUrl("/v1/logs")).build();
        SdkLoggerProvider provider = SdkLoggerProvider.builder().setResource(CHECKOUT)
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build();
        provider.get("test").logRecordBuilder().setSeverity(Severity.INFO).setBody("order placed").emit();
        provider.get("test").logRecordBuilder().setSeverity(Severity.INFO).setBody("order paid").emit();
        provider.get("test").logRecordBuilder().setSeverity(Severity.ERROR).setBody("payment failed").emit();
        assertSucceeded(provider.forceFlush());
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    private static void assertSucceeded(CompletableResultCode result) {
        assertThat(result.join(30, TimeUnit.SECONDS).isSuccess()).as("export succeeded").isTrue();
    }

    private String grpcUrl() {
        return "http://127.0.0.1:" + listener.grpcPort();
    }

    private String httpUrl(String path) {
        return "http://127.0.0.1:" + listener.httpPort() + path;
    }
}
