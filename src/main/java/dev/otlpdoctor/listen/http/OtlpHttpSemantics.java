package dev.otlpdoctor.listen.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.otlpdoctor.listen.server.OtlpMessages;
import dev.otlpdoctor.listen.server.RequiredHeader;
import dev.otlpdoctor.listen.tally.Arrival;
import dev.otlpdoctor.listen.tally.ExportRequest;
import dev.otlpdoctor.listen.tally.ExportSink;
import dev.otlpdoctor.listen.tally.OtlpWire;
import dev.otlpdoctor.listen.tally.Rejection;
import dev.otlpdoctor.otlp.OtlpJson;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * OTLP/HTTP with the collector's response semantics (docs/collector-behaviour.md), checked in the
 * collector's order: required header (401), content encoding (400), path (404), method (405),
 * content type (415), body size and decoding (400), then 200 with an empty
 * {@code Export*ServiceResponse} in the request's encoding. Knows nothing of the HTTP server that
 * carries the requests ({@link NettyHttpServer}).
 */
public final class OtlpHttpSemantics {
    public static final String PROTOBUF = "application/x-protobuf";
    public static final String JSON = "application/json";

    /**
     * One request as the server hands it over.
     *
     * @param path   the decoded path of the request target, without query
     * @param header the first value of a header by case-insensitive name, or null
     * @param body   the body as received (still compressed), at most a little over the size limit
     * @param client the peer address, as {@link dev.otlpdoctor.listen.tally.ClientAddress} formats it
     * @param headerNames the names of the request's headers, lower case
     */
    public record Request(String method, String path, UnaryOperator<String> header, InputStream body, String client,
                   List<String> headerNames) {
        Request(String method, String path, UnaryOperator<String> header, InputStream body, String client) {
            this(method, path, header, body, client, List.of());
        }
    }

    /** What to send back; {@code close}: end the connection after it. */
    public record Answer(int status, String contentType, byte[] body, boolean close) {
        Answer closing() {
            return new Answer(status, contentType, body, true);
        }
    }

    private final ExportSink sink;
    private final long maxBodyBytes;
    private final RequiredHeader requiredHeader;

    public OtlpHttpSemantics(ExportSink sink, long maxBodyBytes, RequiredHeader requiredHeader) {
        this.sink = sink;
        this.maxBodyBytes = maxBodyBytes;
        this.requiredHeader = requiredHeader;
    }

    /** The largest body accepted, before and after decompression. */
    long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Answers one request; the caller closes its body. */
    public Answer answer(Request request) {
        String contentType = request.header().apply("Content-Type");
        if (requiredHeader != null && !requiredHeader.matches(request.header().apply(requiredHeader.name()))) {
            String why = "missing or wrong '" + requiredHeader.name() + "' header";
            reject(request, "unauthenticated", 401, why);
            return frameworkError(contentType, 401, Code.UNAUTHENTICATED, why);
        }
        String encoding = request.header().apply("Content-Encoding");
        if (encoding != null && !encoding.isEmpty() && !decodable(encoding)) {
            reject(request, "unsupported-encoding", 400, "unsupported Content-Encoding: " + encoding);
            return frameworkError(contentType, 400, Code.INVALID_ARGUMENT, "unsupported Content-Encoding: " + encoding);
        }
        Signal signal = Signal.forHttpPath(request.path());
        if (signal == null) {
            reject(request, "not-found", 404, "404 page not found");
            return text(404, "text/plain; charset=utf-8", "404 page not found\n");
        }
        if (!request.method().equals("POST")) {
            reject(request, "method-not-allowed", 405, "method not allowed, supported: [POST]");
            return text(405, "text/plain", "405 method not allowed, supported: [POST]");
        }
        Protocol protocol = protocolOf(contentType);
        if (protocol == null) {
            reject(request, "unsupported-media-type", 415, "unsupported media type " + contentType);
            return text(415, "text/plain", "415 unsupported media type, supported: [" + JSON + ", " + PROTOBUF + "]");
        }
        ExportRequest decoded;
        try {
            decoded = decode(signal, protocol, readBody(request.body(), encoding));
        } catch (CappedInputStream.TooLarge e) {
            reject(request, "too-large", 400, e.getMessage());
            // The rest of the body is not read: the connection cannot carry another request.
            return status(protocol, 400, Code.INVALID_ARGUMENT, e.getMessage()).closing();
        } catch (IOException e) {
            reject(request, "malformed", 400, String.valueOf(e.getMessage()));
            return status(protocol, 400, Code.INVALID_ARGUMENT, String.valueOf(e.getMessage()));
        }
        String compression = encoding == null || encoding.isBlank() ? "none" : encoding.trim().toLowerCase(Locale.ROOT);
        sink.accept(signal, new Arrival(protocol, request.client(), request.header().apply("User-Agent"), compression,
                request.headerNames()), decoded);
        return new Answer(200, contentTypeOf(protocol), encode(protocol, OtlpMessages.emptyResponse(signal)), false);
    }

    /** A connection ended because memory for its request could not be had: counted, never silent. */
    void refusedForMemory(String client) {
        sink.reject(new Rejection("over-budget", "http", null, null, null, null, null, client,
                "out of memory for request bodies (lower --max-in-flight or give the JVM more memory)"));
    }

    private void reject(Request request, String reason, int status, String why) {
        sink.reject(new Rejection(reason, "http", request.method(), request.path(), request.header().apply("Content-Type"),
                request.header().apply("User-Agent"), String.valueOf(status), request.client(), why));
    }

    private byte[] readBody(InputStream body, String encoding) throws IOException {
        InputStream raw = new CappedInputStream(body, maxBodyBytes);
        String coding = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        // The collector caps the body before and after decompression, so a small gzip bomb is refused too.
        InputStream decoded = switch (coding) {
            case "gzip" -> new GZIPInputStream(raw);
            case "deflate", "zlib" -> new InflaterInputStream(raw);
            default -> raw;
        };
        try (InputStream capped = new CappedInputStream(decoded, maxBodyBytes)) {
            return capped.readAllBytes();
        }
    }

    private static boolean decodable(String encoding) {
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "deflate", "zlib" -> true;
            default -> false;
        };
    }

    /** protobuf is counted from the wire (OtlpWire); JSON is decoded into the message first. */
    private static ExportRequest decode(Signal signal, Protocol protocol, byte[] body) throws InvalidProtocolBufferException {
        if (protocol != Protocol.HTTP_JSON) {
            return OtlpWire.read(signal, body);
        }
        Message.Builder builder = OtlpMessages.newRequest(signal);
        OtlpJson.merge(new String(body, StandardCharsets.UTF_8), builder);
        return ExportRequest.of(signal, builder.build());
    }

    /** The request's encoding from its media type (parameters such as charset are allowed). */
    static Protocol protocolOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return switch (media) {
            case PROTOBUF -> Protocol.HTTP_PROTOBUF;
            case JSON -> Protocol.HTTP_JSON;
            default -> null;
        };
    }

    /**
     * Errors raised before the handler (auth, decompression) are encoded by the request's Content-Type,
     * JSON when there is none; any other Content-Type gets the collector's fixed 500 JSON fallback.
     */
    private static Answer frameworkError(String contentType, int httpStatus, Code code, String message) {
        if (contentType == null || contentType.isBlank()) {
            return status(Protocol.HTTP_JSON, httpStatus, code, message);
        }
        Protocol protocol = protocolOf(contentType);
        if (protocol == null) {
            return text(500, JSON, "{\"code\": 13, \"message\": \"failed to marshal error message\"}");
        }
        return status(protocol, httpStatus, code, message);
    }

    /** A google.rpc.Status in the request's encoding, as OTLP/HTTP requires for errors. */
    private static Answer status(Protocol protocol, int httpStatus, Code code, String message) {
        Status status = Status.newBuilder().setCode(code.getNumber()).setMessage(message).build();
        return new Answer(httpStatus, contentTypeOf(protocol), encode(protocol, status), false);
    }

    private static String contentTypeOf(Protocol protocol) {
        return protocol == Protocol.HTTP_JSON ? JSON : PROTOBUF;
    }

    private static byte[] encode(Protocol protocol, Message message) {
        return protocol == Protocol.HTTP_JSON
                ? OtlpJson.print(message).getBytes(StandardCharsets.UTF_8)
                : message.toByteArray();
    }

    private static Answer text(int httpStatus, String contentType, String body) {
        return new Answer(httpStatus, contentType, body.getBytes(StandardCharsets.UTF_8), false);
    }
}
