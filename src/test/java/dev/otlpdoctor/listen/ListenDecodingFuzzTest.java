package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.otlpdoctor.listen.http.OtlpHttpSemantics;
import dev.otlpdoctor.listen.server.OtlpGrpcServices;
import dev.otlpdoctor.listen.tally.Arrival;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.listen.view.SummaryText;
import dev.otlpdoctor.otlp.OtlpJson;
import dev.otlpdoctor.otlp.Signal;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Fuzzes what {@code listen} does with a request body an application sent: OTLP/HTTP decoding for each
 * signal, content type and encoding, and the gRPC services' request decoding, then the counting and the
 * summary it prints. Runs the committed inputs in every build; {@code JAZZER_FUZZ=1} fuzzes one method
 * (docs/reliability.md).
 */
class ListenDecodingFuzzTest {
    /** Small, so that the fuzzer reaches the size limit, before and after decompression. */
    private static final long MAX_BODY = 16 * 1024;
    private static final String CLIENT = "127.0.0.1:40000";

    /**
     * The body as {@code application/x-protobuf} and {@code application/json}, sent plain, labelled gzip
     * as it is, and truly gzipped, to each signal's path: 200, or 400 with a {@code google.rpc.Status} in
     * the request's encoding, each counted once, never an exception.
     */
    @FuzzTest(maxDuration = "30s")
    void httpBody(byte[] body) {
        Recorder recorder = new Recorder(new Tally(5, Clock.systemUTC()), null);
        OtlpHttpSemantics http = new OtlpHttpSemantics(recorder, MAX_BODY, null);
        int requests = 0;
        for (Signal signal : Signal.values()) {
            for (String contentType : List.of(OtlpHttpSemantics.PROTOBUF, OtlpHttpSemantics.JSON)) {
                requests += 3;
                answer(http, signal, contentType, null, body);
                answer(http, signal, contentType, "gzip", body);
                answer(http, signal, contentType, "gzip", gzip(body));
            }
        }
        Summary summary = recorder.tally().snapshot();
        long accepted = summary.signals().values().stream().mapToLong(Summary.SignalSummary::requests).sum();
        long rejected = summary.rejected().values().stream().mapToLong(Long::longValue).sum();
        assertThat(accepted + rejected).isEqualTo(requests);
        assertPrintable(summary);
    }

    /** The message of a gRPC export to each service: decoded, or INTERNAL / RESOURCE_EXHAUSTED, never an exception. */
    @FuzzTest(maxDuration = "30s")
    void grpcMessage(byte[] message) {
        Recorder recorder = new Recorder(new Tally(5, Clock.systemUTC()), null);
        List<ServerServiceDefinition> services = OtlpGrpcServices.all(recorder, null, null, MAX_BODY);
        for (Signal signal : Signal.values()) {
            MethodDescriptor<?, ?> method = services.stream()
                    .map(s -> s.getMethod(signal.grpcMethod().substring(1)))
                    .filter(java.util.Objects::nonNull)
                    .findFirst().orElseThrow().getMethodDescriptor();
            OtlpGrpcServices.Decoded decoded =
                    (OtlpGrpcServices.Decoded) method.parseRequest(new ByteArrayInputStream(message));
            if (decoded.failure() == null) {
                recorder.accept(signal, new Arrival(dev.otlpdoctor.target.Protocol.GRPC, CLIENT, "fuzz/1.0", "none",
                        List.of("content-type")), decoded.request());
            } else {
                assertThat(decoded.failure().getCode()).isIn(Status.Code.INTERNAL, Status.Code.RESOURCE_EXHAUSTED);
            }
        }
        assertPrintable(recorder.tally().snapshot());
    }

    private static void answer(OtlpHttpSemantics http, Signal signal, String contentType, String encoding, byte[] body) {
        Map<String, String> headers = encoding == null
                ? Map.of("content-type", contentType, "user-agent", "fuzz/1.0")
                : Map.of("content-type", contentType, "user-agent", "fuzz/1.0", "content-encoding", encoding);
        OtlpHttpSemantics.Answer answer = http.answer(new OtlpHttpSemantics.Request("POST", signal.httpPath(),
                name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)), new ByteArrayInputStream(body), CLIENT,
                List.copyOf(headers.keySet())));
        assertThat(answer.status()).isIn(200, 400);
        assertThat(answer.contentType()).isEqualTo(contentType);
        if (answer.status() == 400) {
            com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder();
            try {
                if (contentType.equals(OtlpHttpSemantics.JSON)) {
                    OtlpJson.merge(new String(answer.body(), StandardCharsets.UTF_8), status);
                } else {
                    status.mergeFrom(answer.body());
                }
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("the 400 body is not a google.rpc.Status", e);
            }
            assertThat(status.getCode()).isEqualTo(com.google.rpc.Code.INVALID_ARGUMENT_VALUE);
        }
    }

    /** What an application sent reaches the terminal only escaped: no ESC, CR or C1 control in the summary. */
    private static void assertPrintable(Summary summary) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            SummaryText.print(summary, List.of(), true, out);
        }
        assertThat(text.toString().chars()).noneMatch(c -> c < 0x20 && c != '\n' || c >= 0x7f && c < 0xa0);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
