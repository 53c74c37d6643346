package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.listen.server.FirstBytes;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.tally.Misdirection;
import dev.otlpdoctor.listen.tally.Rejection;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.listen.view.LiveView;
import dev.otlpdoctor.listen.view.SummaryJson;
import dev.otlpdoctor.listen.view.SummaryText;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exporters pointed at the wrong port or path: the real Java SDK exporters and raw clients. Each case
 * is one line naming the client and the exporter setting to change, in text and JSON. This also tests
 * {@link GrpcServerChannels}: the gRPC cases see nothing if grpc-java stops using listen's channel.
 */
class WrongPortTest {
    private static final Resource CHECKOUT =
            Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout"));

    private Tally tally;
    private OtlpServers listener;

    private void start(ListenConfig config) {
        tally = new Tally(0, Clock.systemUTC());
        listener = OtlpServers.start(config, new Recorder(tally, null), PortOwner.UNKNOWN);
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void theSdksGrpcExporterOnTheHttpPortIsNamedWithTheSettingToChange() {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()));
        boolean ok = export(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + listener.httpPort())
                .setTimeout(Duration.ofSeconds(5)).build());
        assertThat(ok).as("the export fails, as against a collector").isFalse();

        Summary s = await(x -> !x.misdirections().isEmpty());
        Summary.Misdirected m = s.misdirections().get(0);
        assertThat(m.example().kind()).isEqualTo(Misdirection.Kind.GRPC_ON_HTTP_PORT);
        assertThat(m.example().fix()).isEqualTo("a gRPC exporter is sending to the HTTP port " + listener.httpPort()
                + ": set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf, or OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:"
                + listener.grpcPort());
        assertThat(s.rejected()).isEmpty();
        assertThat(text(s)).contains("wrong port or protocol", "× from 127.0.0.1: a gRPC exporter is sending to the HTTP port")
                .contains("connections to the wrong port or protocol");
        assertThat(json(s)).contains("\"kind\":\"grpc-on-http-port\"", "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
    }

    @Test
    void theSdksHttpExporterOnTheGrpcPortIsNamedWithItsRequestAndSdk() {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()));
        boolean ok = export(OtlpHttpSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + listener.grpcPort() + "/v1/traces").setTimeout(Duration.ofSeconds(5)).build());
        assertThat(ok).isFalse();

        Summary s = await(x -> !x.misdirections().isEmpty());
        Misdirection m = s.misdirections().get(0).example();
        assertThat(m.kind()).isEqualTo(Misdirection.Kind.HTTP1_ON_GRPC_PORT);
        assertThat(m.requestLine()).isEqualTo("POST /v1/traces");
        assertThat(m.userAgent()).startsWith("OTel-OTLP-Exporter-Java/");
        assertThat(m.fix()).isEqualTo("an HTTP exporter is sending POST /v1/traces to the gRPC port " + listener.grpcPort()
                + ": set OTEL_EXPORTER_OTLP_PROTOCOL=grpc, or OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:" + listener.httpPort());
        assertThat(text(s)).contains("(Java SDK ").contains("POST /v1/traces to the gRPC port");
    }

    @Test
    void aDoubledPathIsRejectedWithMethodPathContentTypeSdkAndTheFix() {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()));
        // OTEL_EXPORTER_OTLP_ENDPOINT=http://host:4318/v1/traces: the SDK appends /v1/traces again
        boolean ok = export(OtlpHttpSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + listener.httpPort() + "/v1/traces/v1/traces").build());
        assertThat(ok).isFalse();

        Summary s = await(x -> !x.rejections().isEmpty());
        Rejection r = s.rejections().get(0).example();
        assertThat(r.reason()).isEqualTo("not-found");
        assertThat(r.request()).isEqualTo("POST /v1/traces/v1/traces (application/x-protobuf)");
        assertThat(r.status()).isEqualTo("404");
        assertThat(r.fix()).startsWith("the exporter appends /v1/traces itself: drop it from OTEL_EXPORTER_OTLP_ENDPOINT");
        String text = text(s);
        assertThat(text).contains("not-found: POST /v1/traces/v1/traces (application/x-protobuf) from 127.0.0.1:",
                ", Java SDK ", "→ 404 page not found",
                "fix: the exporter appends /v1/traces itself: drop it from OTEL_EXPORTER_OTLP_ENDPOINT");
        assertThat(json(s)).contains("\"path\":\"/v1/traces/v1/traces\"", "\"fix\":\"the exporter appends /v1/traces itself");

        StringWriter live = new StringWriter();
        new LiveView(new PrintWriter(live), false, emptySummary()).tick(s);
        assertThat(live.toString()).contains("rejected 1 request(s): not-found: POST /v1/traces/v1/traces",
                "fix: the exporter appends /v1/traces itself");
    }

    @Test
    void anHttp1RequestOnTheGrpcPortFromARawClientIsReadToItsHeadThenClosed() throws Exception {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.grpcPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/logs HTTP/1.1\r\nHost: x\r\nUser-Agent: curl/8.5.0\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes(); // the gRPC server's SETTINGS, then the close
        }
        Misdirection m = await(x -> !x.misdirections().isEmpty()).misdirections().get(0).example();
        assertThat(m.kind()).isEqualTo(Misdirection.Kind.HTTP1_ON_GRPC_PORT);
        assertThat(m.requestLine()).isEqualTo("POST /v1/logs");
        assertThat(m.userAgent()).isEqualTo("curl/8.5.0");
        assertThat(m.client()).startsWith("127.0.0.1:");
    }

    @Test
    void aTlsClientHelloOnThePlaintextGrpcPortNamesHttpAndInsecure() throws Exception {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.grpcPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(HttpTransportTest.clientHello());
            socket.getInputStream().readAllBytes();
        }
        Misdirection m = await(x -> !x.misdirections().isEmpty()).misdirections().get(0).example();
        assertThat(m.kind()).isEqualTo(Misdirection.Kind.TLS_ON_PLAINTEXT_PORT);
        assertThat(m.fix()).isEqualTo("a TLS handshake on the plaintext gRPC port " + listener.grpcPort()
                + ": the exporter's endpoint uses https://; set OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:"
                + listener.grpcPort() + " (or OTEL_EXPORTER_OTLP_INSECURE=true), or start listen with --tls-cert and --tls-key");
    }

    @Test
    void plaintextHttpOnTheTlsHttpPortGetsGosAnswerAndIsNamed() throws Exception {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()).withTls(TlsListenTest.CERT, TlsListenTest.KEY));
        String answer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertThat(answer).startsWith("HTTP/1.0 400 Bad Request").contains("Client sent an HTTP request to an HTTPS server.");
        Misdirection m = await(x -> !x.misdirections().isEmpty()).misdirections().get(0).example();
        assertThat(m.kind()).isEqualTo(Misdirection.Kind.PLAINTEXT_ON_TLS_PORT);
        assertThat(m.fix()).startsWith("plaintext HTTP/1.1 (POST /v1/traces) on the TLS HTTP port " + listener.httpPort()
                + ": set OTEL_EXPORTER_OTLP_ENDPOINT=https://127.0.0.1:" + listener.httpPort());
    }

    @Test
    void aPlaintextGrpcExporterOnTheTlsGrpcPortIsNamed() {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()).withTls(TlsListenTest.CERT, TlsListenTest.KEY));
        boolean ok = export(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + listener.grpcPort())
                .setTimeout(Duration.ofSeconds(5)).build());
        assertThat(ok).isFalse();
        Misdirection m = await(x -> !x.misdirections().isEmpty()).misdirections().get(0).example();
        assertThat(m.kind()).isEqualTo(Misdirection.Kind.PLAINTEXT_ON_TLS_PORT);
        assertThat(m.fix()).startsWith("plaintext gRPC (HTTP/2) on the TLS gRPC port " + listener.grpcPort()
                + ": set OTEL_EXPORTER_OTLP_ENDPOINT=https://127.0.0.1:" + listener.grpcPort());
    }

    @Test
    void theFirstBytesAreClassifiedFromAsFewAsNeeded() {
        assertThat(FirstBytes.classify(new byte[] {0x16, 0x03, 0x01}, 3)).isEqualTo(FirstBytes.Sight.TLS);
        assertThat(FirstBytes.classify("PRI * HTTP/2.0\r\n".getBytes(StandardCharsets.US_ASCII), 16))
                .isEqualTo(FirstBytes.Sight.HTTP2_PREFACE);
        assertThat(FirstBytes.classify("PRI * HT".getBytes(StandardCharsets.US_ASCII), 8)).isEqualTo(FirstBytes.Sight.NEED_MORE);
        assertThat(FirstBytes.classify("POS".getBytes(StandardCharsets.US_ASCII), 3)).isEqualTo(FirstBytes.Sight.NEED_MORE);
        assertThat(FirstBytes.classify("GET / HTTP/1.1".getBytes(StandardCharsets.US_ASCII), 14)).isEqualTo(FirstBytes.Sight.HTTP1);
        assertThat(FirstBytes.classify(new byte[] {0, 0, 0}, 3)).isEqualTo(FirstBytes.Sight.OTHER);
    }

    private static boolean export(SpanExporter exporter) {
        SdkTracerProvider provider = SdkTracerProvider.builder().setResource(CHECKOUT)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        provider.get("test").spanBuilder("GET /").startSpan().end();
        CompletableResultCode flushed = provider.forceFlush().join(30, TimeUnit.SECONDS);
        provider.shutdown().join(10, TimeUnit.SECONDS);
        return flushed.isSuccess();
    }

    private Summary await(Predicate<Summary> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Summary s = tally.snapshot();
            if (condition.test(s) || System.nanoTime() > deadline) {
                return s;
            }
            try {
                tally.awaitChange(tally.version(), 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
        }
    }

    private static Summary emptySummary() {
        return new Tally(0, Clock.systemUTC()).snapshot();
    }

    private static String text(Summary s) {
        StringWriter out = new StringWriter();
        SummaryText.print(s, List.of(), true, new PrintWriter(out));
        return out.toString();
    }

    private String json(Summary s) {
        return SummaryJson.of(s, listener.listening(), List.of(), true).toString();
    }
}
