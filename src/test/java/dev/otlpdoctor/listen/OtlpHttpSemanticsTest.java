package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Status;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.server.RequiredHeader;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.listen.view.JsonLines;
import dev.otlpdoctor.otlp.OtlpJson;
import dev.otlpdoctor.otlp.Signal;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OTLP/HTTP as curl sees it: every status, content type and body as the collector answers them. */
class OtlpHttpSemanticsTest {
    private static final String SPAN_JSON = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
            + "\"value\":{\"stringValue\":\"checkout\"}}]},\"scopeSpans\":[{\"spans\":[{\"traceId\":"
            + "\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\",\"name\":\"GET /\",\"kind\":2}]}]}]}";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Tally tally;
    private OtlpServers listener;
    private JsonLines jsonLines;

    private void start(ListenConfig config, JsonLines lines) {
        tally = new Tally(10, Clock.systemUTC());
        jsonLines = lines;
        listener = OtlpServers.start(config, new Recorder(tally, lines), PortOwner.UNKNOWN);
    }

    private void start() {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()), null);
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
        if (jsonLines != null) {
            jsonLines.close();
        }
    }

    @Test
    void getIsMethodNotAllowedAsFromTheCollector() throws Exception {
        start();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/traces")).GET());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.body()).isEqualTo("405 method not allowed, supported: [POST]");
        assertThat(tally.snapshot().rejected()).containsEntry("method-not-allowed", 1L);
    }

    @Test
    void otherContentTypesAreUnsupportedMediaType() throws Exception {
        start();
        HttpResponse<String> response = post("/v1/logs", "text/plain", "hello".getBytes(StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.body())
                .isEqualTo("415 unsupported media type, supported: [application/json, application/x-protobuf]");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        start();
        HttpResponse<String> response = post("/v1/trace", "application/x-protobuf", new byte[0], null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("404 page not found\n");
    }

    @Test
    void jsonIsAcceptedAndAnsweredInJsonWithHexIdsKeptInTheJsonLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("received.jsonl");
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()), JsonLines.open(file));
        HttpResponse<String> response = post("/v1/traces", "application/json; charset=utf-8",
                SPAN_JSON.getBytes(StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{}");
        Summary s = tally.snapshot();
        assertThat(s.signal(Signal.TRACES).services().get("checkout").names()).containsEntry("GET /", 1L);
        assertThat(s.clients()).singleElement().satisfies(c -> assertThat(c.protocol().value()).isEqualTo("http/json"));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line).contains("\"traceId\":\"5b8efff798038103d269b633813fc60c\"",
                    "\"spanId\":\"eee19b7ec3c1b174\"", "\"kind\":2");
        });
        ExportTraceServiceRequest.Builder back = ExportTraceServiceRequest.newBuilder();
        OtlpJson.merge(lines.get(0), back);
        Span span = back.getResourceSpans(0).getScopeSpans(0).getSpans(0);
        assertThat(span.getTraceId().toByteArray()).containsExactly(HexFormat.of().parseHex("5b8efff798038103d269b633813fc60c"));
        assertThat(span.getName()).isEqualTo("GET /");
    }

    @Test
    void gzipProtobufIsDecompressed() throws Exception {
        start();
        byte[] body = gzip(request("checkout", 3).toByteArray());
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri("/v1/traces"))
                .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        assertThat(response.body()).isEmpty();
        assertThat(tally.snapshot().signal(Signal.TRACES).items()).isEqualTo(3);
    }

    @Test
    void emptyRequestsAreAcceptedInBothEncodings() throws Exception {
        start();
        assertThat(post("/v1/metrics", "application/x-protobuf", new byte[0], null).statusCode()).isEqualTo(200);
        HttpResponse<String> json = post("/v1/logs", "application/json", "{}".getBytes(StandardCharsets.UTF_8), null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{}");
        Summary s = tally.snapshot();
        assertThat(s.signal(Signal.METRICS).requests()).isEqualTo(1);
        assertThat(s.signal(Signal.LOGS).requests()).isEqualTo(1);
        assertThat(s.totalItems()).isZero();
    }

    @Test
    void malformedProtobufIsBadRequestWithStatusAndTheSinkKeepsReceiving() throws Exception {
        start();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri("/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, (byte) 0xff, 0x01, 0x02}))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        assertThat(Status.parseFrom(response.body()).getCode()).isEqualTo(com.google.rpc.Code.INVALID_ARGUMENT_VALUE);

        assertThat(post("/v1/traces", "application/x-protobuf", request("checkout", 2).toByteArray(), null)
                .statusCode()).isEqualTo(200);
        Summary s = tally.snapshot();
        assertThat(s.rejected()).containsEntry("malformed", 1L);
        assertThat(s.signal(Signal.TRACES).items()).isEqualTo(2);
    }

    @Test
    void malformedJsonIsBadRequestWithJsonStatus() throws Exception {
        start();
        HttpResponse<String> response = post("/v1/traces", "application/json",
                "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(status(response.body()).getCode()).isEqualTo(com.google.rpc.Code.INVALID_ARGUMENT_VALUE);
    }

    @Test
    void bodiesOverTheLimitAreRefusedAlsoWhenTheyOnlyGrowByDecompression() throws Exception {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()).withMaxMessageBytes(4096), null);
        HttpResponse<String> big = post("/v1/logs", "application/json", new byte[10_000], null);
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(status(big.body()).getMessage()).contains("too large");

        byte[] bomb = gzip(new byte[1_000_000]);
        assertThat(bomb.length).isLessThan(4096);
        HttpResponse<String> inflated = post("/v1/logs", "application/json", bomb, "gzip");
        assertThat(inflated.statusCode()).isEqualTo(400);
        assertThat(tally.snapshot().rejected()).containsEntry("too-large", 2L);
    }

    @Test
    void unsupportedContentEncodingIsBadRequest() throws Exception {
        start();
        HttpResponse<String> response = post("/v1/logs", "application/json", "{}".getBytes(StandardCharsets.UTF_8), "br");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(status(response.body()).getMessage()).isEqualTo("unsupported Content-Encoding: br");
    }

    @Test
    void requiredHeaderIsEnforcedWithoutRevealingItsValue() throws Exception {
        start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress())
                .withRequiredHeader(RequiredHeader.parse("Authorization=Bearer s3cret")), null);
        HttpResponse<String> missing = post("/v1/logs", "application/json", "{}".getBytes(StandardCharsets.UTF_8), null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(status(missing.body()).getCode()).isEqualTo(com.google.rpc.Code.UNAUTHENTICATED_VALUE);
        assertThat(missing.body()).doesNotContain("s3cret");

        HttpResponse<String> given = send(HttpRequest.newBuilder(uri("/v1/logs"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(given.statusCode()).isEqualTo(200);
        assertThat(tally.snapshot().rejected()).containsEntry("unauthenticated", 1L);
    }

    static ExportTraceServiceRequest request(String service, int spans) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (int i = 0; i < spans; i++) {
            scope.addSpans(Span.newBuilder().setName("span-" + i));
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue(service))))
                .addScopeSpans(scope)).build();
    }

    private static Status status(String json) throws IOException {
        Status.Builder status = Status.newBuilder();
        JsonFormat.parser().merge(json, status);
        return status.build();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, String encoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.httpPort() + path);
    }
}
