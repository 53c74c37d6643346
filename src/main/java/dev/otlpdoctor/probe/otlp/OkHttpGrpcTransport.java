package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.Version;
import dev.otlpdoctor.otlp.Header;
import dev.otlpdoctor.target.Protocol;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Unary gRPC over OkHttp's HTTP/2, the way the OpenTelemetry Java SDK's exporters do it: the message
 * with its 5-byte prefix (not compressed, big-endian length), {@code content-type: application/grpc},
 * {@code te: trailers}, and grpc-status/grpc-message read from the trailers (or from the headers of a
 * trailers-only answer such as UNIMPLEMENTED). It starts much faster than a grpc-java channel.
 */
final class OkHttpGrpcTransport implements GrpcTransport {
    private static final MediaType GRPC = MediaType.get(Protocol.GRPC.contentType());
    private static final List<String> SHOWN_METADATA = List.of("grpc-status", "grpc-message", "content-type",
            "server", "www-authenticate", "retry-after", "grpc-status-details-bin");

    private final OkHttpClient client;
    private final HttpUrl base;
    private final List<Header> headers;

    OkHttpGrpcTransport(OkHttpClient client, HttpUrl base, List<Header> headers) {
        this.client = client;
        this.base = base;
        this.headers = headers;
    }

    @Override
    public GrpcReply call(String fullMethod, byte[] request, int timeoutMillis) throws IOException {
        Request.Builder builder = new Request.Builder()
                .url(base.newBuilder().encodedPath(fullMethod).build())
                .header("te", "trailers")
                .header("grpc-timeout", Math.max(1, timeoutMillis) + "m")
                .header("user-agent", "otlpdoctor/" + Version.get() + " grpc-okhttp")
                .post(RequestBody.create(frame(request), GRPC));
        for (Header header : headers) {
            builder.header(header.name(), header.value());
        }
        Call call = client.newCall(builder.build());
        call.timeout().timeout(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            CappedBody body = CappedBody.read(response.body());
            Headers trailers = body.capped() ? Headers.of() : response.trailers();
            String status = first(response.header("grpc-status"), trailers.get("grpc-status"));
            String message = first(response.header("grpc-message"), trailers.get("grpc-message"));
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Headers h : List.of(response.headers(), trailers)) {
                for (String name : h.names()) {
                    if (SHOWN_METADATA.contains(name.toLowerCase())) {
                        metadata.put(name.toLowerCase(), Excerpt.of(h.get(name)));
                    }
                }
            }
            Integer grpcStatus = status == null ? null : parseStatus(status);
            return new GrpcReply(response.code(), response.protocol().toString(),
                    String.valueOf(response.header("content-type", "")), grpcStatus,
                    message == null ? "" : decode(message), grpcStatus == null || grpcStatus != 0 ? null : unframe(body.bytes(), body.capped()),
                    metadata, grpcStatus == null ? body.excerpt() : "");
        }
    }

    @Override
    public void close() {
        OkHttpClients.shutdown(client);
    }

    private static byte[] frame(byte[] message) {
        return ByteBuffer.allocate(5 + message.length).put((byte) 0).putInt(message.length).put(message).array();
    }

    /**
     * The first message of a response body, or {@code null} when there is none (or it is compressed). A
     * prefix that claims more bytes than came (up to 4 GiB: the length is unsigned) is a broken answer,
     * not a missing message: it must not read as an OK without a response.
     */
    private static byte[] unframe(byte[] body, boolean capped) throws IOException {
        if (body.length == 0 || body[0] != 0) {
            return null;
        }
        if (body.length < 5) {
            throw new ProtocolException("the gRPC response ends inside its 5-byte message prefix");
        }
        long length = ByteBuffer.wrap(body, 1, 4).getInt() & 0xffffffffL;
        if (5 + length > body.length) {
            throw new ProtocolException("the gRPC response message claims " + length + " bytes, but "
                    + (capped ? "more than " + CappedBody.CAP + " bytes came (read no further)"
                    : (body.length - 5) + " came"));
        }
        return Arrays.copyOfRange(body, 5, 5 + (int) length);
    }

    private static Integer parseStatus(String status) {
        try {
            return Integer.parseInt(status.trim());
        } catch (NumberFormatException e) {
            return 2; // UNKNOWN, as gRPC clients treat an unparsable status
        }
    }

    /** grpc-message is percent-encoded (gRPC over HTTP/2 spec). */
    private static String decode(String message) {
        try {
            return URLDecoder.decode(message.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return message;
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
