package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.listen.server.FirstBytes;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.tally.Item;
import dev.otlpdoctor.listen.tally.Rejection;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.listen.view.LiveView;
import dev.otlpdoctor.listen.view.SummaryText;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * listen's limits (issue 20 #6, #7, #9, #10), each with small configured values: the connection cap,
 * the in-flight byte budget over HTTP and gRPC, the gRPC idle timeout, undecodable gRPC messages and
 * gzip bombs, and control characters from clients.
 */
class LimitsTest {
    private static final Duration IDLE = Duration.ofSeconds(30);
    private Tally tally;
    private OtlpServers listener;
    private ManagedChannel channel;

    private void start(ListenConfig config) {
        tally = new Tally(0, Clock.systemUTC());
        listener = OtlpServers.start(config, new Recorder(tally, null), PortOwner.UNKNOWN);
    }

    private static ListenConfig config(int maxConnections, long maxInFlight, Duration idle) {
        return ListenConfig.ephemeral(InetAddress.getLoopbackAddress())
                .withLimits(new ListenConfig.Limits(maxConnections, maxInFlight, idle));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void connectionsOverTheCapAreClosedAtOnceAndCounted() throws Exception {
        start(config(2, 1 << 20, IDLE));
        try (Socket a = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort());
             Socket b = new Socket(InetAddress.getLoopbackAddress(), listener.grpcPort())) {
            // both have spoken (a request begun, the HTTP/2 preface): not silent, so not evicted
            a.getOutputStream().write("POST /v1/traces HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            b.getOutputStream().write(FirstBytes.PREFACE);
            await(s -> listener.openConnections() == 2);
            for (int port : new int[] {listener.grpcPort(), listener.httpPort()}) {
                try (Socket over = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    over.setSoTimeout(10_000);
                    // closed at once: at most grpc-java's server SETTINGS frame was written before the close
                    assertThat(over.getInputStream().readAllBytes().length).isLessThan(64);
                }
            }
        }
        assertThat(await(s -> s.refused().getOrDefault("connection-cap", 0L) == 2).refused())
                .containsEntry("connection-cap", 2L);
        await(s -> listener.openConnections() == 0);
        // the held connections are gone: a good client gets in again
        try (Socket good = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort())) {
            good.setSoTimeout(10_000);
            good.getOutputStream().write("GET /v1/traces HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(good.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 405");
        }
    }

    @Test
    void atTheCapANewConnectionTakesThePlaceOfTheOldestSilentOne() throws Exception {
        start(config(2, 1 << 20, IDLE));
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), listener.grpcPort());
             Socket speaking = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort())) {
            // a whole request answered: listen has certainly read from it (it stays open, kept alive)
            speaking.setSoTimeout(10_000);
            speaking.getOutputStream().write("GET /v1/traces HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(speaking.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 405");
            await(s -> listener.openConnections() == 2);
            try (Socket good = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort())) {
                good.setSoTimeout(10_000);
                good.getOutputStream().write("GET /v1/traces HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(good.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 405");
            }
            silent.setSoTimeout(10_000);
            silent.getInputStream().readAllBytes(); // grpc-java's SETTINGS, then the close
        }
        assertThat(await(s -> s.refused().containsKey("silent-evicted")).refused())
                .containsEntry("silent-evicted", 1L).doesNotContainKey("connection-cap");
    }

    @Test
    void anIdleGrpcConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        start(config(16, 1 << 20, Duration.ofMillis(300)));
        try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), listener.grpcPort())) {
            idle.setSoTimeout(20_000);
            // The server's SETTINGS frame, then the close when no preface came within the idle timeout.
            idle.getInputStream().readAllBytes();
        }
        await(s -> listener.openConnections() == 0);
        assertThat(listener.openConnections()).isZero();
    }

    @Test
    void httpBodiesBeyondTheInFlightBudgetGet503AndAreCounted() throws Exception {
        start(config(16, 64 * 1024, IDLE).withMaxMessageBytes(1 << 20));
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort());
             Socket next = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort())) {
            // One upload holds 48 KiB of the 64 KiB budget and stops half-way.
            slow.getOutputStream().write(("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\n"
                    + "Content-Length: 500000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().write(new byte[48 * 1024]);
            slow.getOutputStream().flush();
            await(s -> listener.inFlightBytes() >= 48 * 1024);
            next.setSoTimeout(10_000);
            next.getOutputStream().write(("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\n"
                    + "Content-Length: 32768\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            next.getOutputStream().write(new byte[32 * 1024]);
            String answer = new String(next.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 503 Service Unavailable").contains("Retry-After: 1");
        }
        Summary s = await(x -> x.rejected().containsKey("over-budget"));
        assertThat(s.rejected()).containsEntry("over-budget", 1L);
        await(x -> listener.inFlightBytes() == 0);
        assertThat(listener.inFlightBytes()).as("released when the connections closed").isZero();
    }

    @Test
    void grpcCallsBeyondTheInFlightBudgetGetUnavailableAndAreCounted() throws Exception {
        // a budget smaller than one gRPC message: no call fits
        start(config(16, 1024, IDLE));
        assertThatThrownBy(() -> call(ExportTraceServiceRequest.getDefaultInstance().toByteArray(), false))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        Summary s = await(x -> x.rejected().containsKey("over-budget"));
        assertThat(s.rejections()).singleElement().satisfies(r -> {
            assertThat(r.example().transport()).isEqualTo("grpc");
            assertThat(r.example().path()).isEqualTo("/opentelemetry.proto.collector.trace.v1.TraceService/Export");
            assertThat(r.example().fix()).contains("--max-in-flight");
        });
    }

    @Test
    void anUndecodableGrpcMessageIsInternalAndLabelledMalformed() throws Exception {
        start(config(16, 1 << 30, IDLE));
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        assertThatThrownBy(() -> call(garbage, false)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL));
        Summary s = await(x -> x.rejected().containsKey("malformed"));
        assertThat(s.rejected()).containsOnlyKeys("malformed");
        assertThat(s.rejections().get(0).example().why()).startsWith("grpc: error unmarshalling request");
        await(x -> listener.inFlightBytes() == 0);
        assertThat(listener.inFlightBytes()).as("the call's reservation is given back").isZero();
    }

    @Test
    void aGzipBombOverGrpcIsResourceExhaustedAndLabelledTooLarge() throws Exception {
        // 1 MiB of zeros compress to about 1 KiB: under the 64 KiB limit on the wire, far over it decompressed
        start(config(16, 1 << 30, IDLE).withMaxMessageBytes(64 * 1024));
        // an unknown length-delimited field (number 15) of 1 MiB of zeros: protobuf must read it all
        byte[] bomb = new byte[(1 << 20) + 4];
        bomb[0] = 0x7a;
        bomb[1] = (byte) 0x80;
        bomb[2] = (byte) 0x80;
        bomb[3] = 0x40;
        assertThatThrownBy(() -> call(bomb, true)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        Summary s = await(x -> x.rejected().containsKey("too-large"));
        assertThat(s.rejected()).containsOnlyKeys("too-large");
    }

    @Test
    void controlCharactersFromClientsArePrintedEscaped() {
        Tally t = new Tally(5, Clock.systemUTC());
        String forged = "checkout\u001b[2J\rPASS everything is fine\u202e";
        t.accepted(dev.otlpdoctor.otlp.Signal.TRACES, dev.otlpdoctor.target.Protocol.GRPC, "127.0.0.1:1",
                List.of(new Item(dev.otlpdoctor.otlp.Signal.TRACES, forged, forged, "")));
        t.rejected(new Rejection("malformed", "http", "POST", "/v1/traces\n200 OK", "text/\u001b]0;x\u0007", "ua\r\nX: y",
                "400", "127.0.0.1:2", "bad\u001b[31m"));
        StringWriter text = new StringWriter();
        SummaryText.print(t.snapshot(), List.of(), true, new PrintWriter(text));
        StringWriter live = new StringWriter();
        new LiveView(new PrintWriter(live), true, new Tally(0, Clock.systemUTC()).snapshot()).tick(t.snapshot());
        for (String out : List.of(text.toString(), live.toString())) {
            assertThat(out).doesNotContain("\u001b", "\r", "\u0007", "\u202e", "\n200 OK", "\nX: y")
                    .contains("checkout\\x1b[2J\\x0dPASS everything is fine\\u202e", "/v1/traces\\x0a200 OK");
        }
    }

    private void call(byte[] message, boolean gzip) {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", listener.grpcPort()).usePlaintext().build();
        MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(TraceServiceGrpc.getExportMethod().getFullMethodName())
                .setRequestMarshaller(Bytes.INSTANCE).setResponseMarshaller(Bytes.INSTANCE).build();
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS);
        ClientCalls.blockingUnaryCall(channel, raw, gzip ? options.withCompression("gzip") : options, message);
    }

    private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Summary await(Predicate<Summary> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Summary s = tally.snapshot();
            if (condition.test(s) || System.nanoTime() > deadline) {
                return s;
            }
            tally.awaitChange(tally.version(), 50);
        }
    }
}
