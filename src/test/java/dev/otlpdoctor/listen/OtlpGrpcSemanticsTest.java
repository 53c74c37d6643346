package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.server.RequiredHeader;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.otlp.Signal;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest;
import io.opentelemetry.proto.collector.profiles.v1development.ProfilesServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OTLP/gRPC as the collector serves it: only the three OTLP services, its message limit, auth. */
class OtlpGrpcSemanticsTest {
    private Tally tally;
    private OtlpServers listener;
    private ManagedChannel channel;

    private void start(ListenConfig config) {
        tally = new Tally(10, Clock.systemUTC());
        listener = OtlpServers.start(config, new Recorder(tally, null), PortOwner.UNKNOWN);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", listener.grpcPort()).usePlaintext()
                .maxInboundMessageSize(64 * 1024 * 1024).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        listener.close();
    }

    private TraceServiceGrpc.TraceServiceBlockingStub traces() {
        return TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** gRPC counts a refused call when its stream closes, which may be just after the client saw the status. */
    private void assertRejected(String reason) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long seen = tally.version();
        while (!tally.snapshot().rejected().containsKey(reason) && System.nanoTime() < deadline) {
            seen = tally.awaitChange(seen, 100);
        }
        assertThat(tally.snapshot().rejected()).containsEntry(reason, 1L);
    }

    @Test
    void exportIsAcceptedAndOtherServicesAreUnimplementedAsOnACollector() throws InterruptedException {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()));
        traces().export(OtlpHttpSemanticsTest.request("checkout", 4));
        assertThat(tally.snapshot().signal(Signal.TRACES).items()).isEqualTo(4);

        // The collector registers the profiles service only for a profiles pipeline.
        assertThatThrownBy(() -> ProfilesServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .export(ExportProfilesServiceRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
        assertRejected("not-found");
    }

    @Test
    void messagesOverTheCollectorsDefaultLimitAreResourceExhausted() throws InterruptedException {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()));
        ExportTraceServiceRequest big = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder()
                        .addSpans(Span.newBuilder().setName("x".repeat(ListenConfig.GRPC_DEFAULT_MAX_MESSAGE)))))
                .build();
        assertThatThrownBy(() -> traces().export(big))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        traces().export(OtlpHttpSemanticsTest.request("checkout", 1));
        assertThat(tally.snapshot().signal(Signal.TRACES).items()).isEqualTo(1);
        assertRejected("too-large");
    }

    @Test
    void garbageOnTheSocketDoesNotStopTheSink() throws Exception {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()));
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.grpcPort())) {
            raw.setSoTimeout(10_000);
            OutputStream out = raw.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n\u0000\u0001garbage".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The server answers with an HTTP/2 GOAWAY or closes: either way it reads to the end.
            raw.getInputStream().readNBytes(256);
        }
        traces().export(OtlpHttpSemanticsTest.request("checkout", 2));
        assertThat(tally.snapshot().signal(Signal.TRACES).items()).isEqualTo(2);
    }

    @Test
    void requiredHeaderMissingIsUnauthenticated() throws InterruptedException {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress())
                .withRequiredHeader(RequiredHeader.parse("x-api-key=s3cret")));
        assertThatThrownBy(() -> traces().export(OtlpHttpSemanticsTest.request("checkout", 1)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                    assertThat(e.getMessage()).contains("x-api-key").doesNotContain("s3cret");
                });
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), "s3cret");
        traces().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .export(OtlpHttpSemanticsTest.request("checkout", 1));
        Summary s = tally.snapshot();
        assertThat(s.signal(Signal.TRACES).items()).isEqualTo(1);
        assertRejected("unauthenticated");
    }
}
