package dev.otlpdoctor.listen;

import dev.otlpdoctor.otlp.OtlpJson;
import dev.otlpdoctor.otlp.Signal;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.Status;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.otlpdoctor.target.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * OTLP/HTTP with the collector's response semantics (docs/collector-behaviour.md), checked in the
 * collector's order: required header (401), content encoding (400), path (404), method (405),
 * content type (415), body size and decoding (400), then 200 with an empty
 * {@code Export*ServiceResponse} in the request's encoding.
 */
final class OtlpHttpHandler implements HttpHandler {
    static final String PROTOBUF = "application/x-protobuf";
    static final String JSON = "application/json";

    private final ExportSink sink;
    private final long maxBodyBytes;
    private final RequiredHeader requiredHeader;
    private final AtomicInteger inFlight = new AtomicInteger();

    OtlpHttpHandler(ExportSink sink, long maxBodyBytes, RequiredHeader requiredHeader) {
        this.sink = sink;
        this.maxBodyBytes = maxBodyBytes;
        this.requiredHeader = requiredHeader;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            serve(exchange);
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    /**
     * Waits (polling, up to {@code millis}) until no request is being handled: the run may end right
     * after counting a request, and that request's client must still get its response.
     */
    void awaitIdle(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (requiredHeader != null
                && !requiredHeader.matches(exchange.getRequestHeaders().getFirst(requiredHeader.name()))) {
            sink.reject("unauthenticated");
            frameworkError(exchange, contentType, 401, Code.UNAUTHENTICATED,
                    "missing or wrong '" + requiredHeader.name() + "' header");
            return;
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.isEmpty() && !decodable(encoding)) {
            sink.reject("unsupported-encoding");
            frameworkError(exchange, contentType, 400, Code.INVALID_ARGUMENT,
                    "unsupported Content-Encoding: " + encoding);
            return;
        }
        Signal signal = Signal.forHttpPath(exchange.getRequestURI().getPath());
        if (signal == null) {
            sink.reject("not-found");
            text(exchange, 404, "text/plain; charset=utf-8", "404 page not found\n");
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            sink.reject("method-not-allowed");
            text(exchange, 405, "text/plain", "405 method not allowed, supported: [POST]");
            return;
        }
        Protocol protocol = protocolOf(contentType);
        if (protocol == null) {
            sink.reject("unsupported-media-type");
            text(exchange, 415, "text/plain",
                    "415 unsupported media type, supported: [" + JSON + ", " + PROTOBUF + "]");
            return;
        }
        Message request;
        try {
            request = decode(signal, protocol, readBody(exchange, encoding));
        } catch (CappedInputStream.TooLarge e) {
            sink.reject("too-large");
            exchange.getResponseHeaders().set("Connection", "close");
            status(exchange, protocol, 400, Code.INVALID_ARGUMENT, e.getMessage());
            return;
        } catch (IOException e) {
            sink.reject("malformed");
            status(exchange, protocol, 400, Code.INVALID_ARGUMENT, String.valueOf(e.getMessage()));
            return;
        }
        sink.accept(signal, protocol, clientOf(exchange), request);
        send(exchange, 200, contentTypeOf(protocol), encode(protocol, OtlpMessages.emptyResponse(signal)));
    }

    private byte[] readBody(HttpExchange exchange, String encoding) throws IOException {
        InputStream raw = new CappedInputStream(exchange.getRequestBody(), maxBodyBytes);
        String coding = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        // The collector caps the body before and after decompression, so a small gzip bomb is refused too.
        InputStream decoded = switch (coding) {
            case "gzip" -> new GZIPInputStream(raw);
            case "deflate", "zlib" -> new InflaterInputStream(raw);
            default -> raw;
        };
        try (InputStream body = new CappedInputStream(decoded, maxBodyBytes)) {
            return body.readAllBytes();
        }
    }

    private static boolean decodable(String encoding) {
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "deflate", "zlib" -> true;
            default -> false;
        };
    }

    private static Message decode(Signal signal, Protocol protocol, byte[] body) throws InvalidProtocolBufferException {
        Message.Builder builder = OtlpMessages.newRequest(signal);
        if (protocol == Protocol.HTTP_JSON) {
            OtlpJson.merge(new String(body, StandardCharsets.UTF_8), builder);
        } else {
            builder.mergeFrom(body);
        }
        return builder.build();
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
    private static void frameworkError(HttpExchange exchange, String contentType, int httpStatus, Code code,
                                       String message) throws IOException {
        if (contentType == null || contentType.isBlank()) {
            status(exchange, Protocol.HTTP_JSON, httpStatus, code, message);
            return;
        }
        Protocol protocol = protocolOf(contentType);
        if (protocol == null) {
            send(exchange, 500, JSON, "{\"code\": 13, \"message\": \"failed to marshal error message\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        status(exchange, protocol, httpStatus, code, message);
    }

    /** A google.rpc.Status in the request's encoding, as OTLP/HTTP requires for errors. */
    private static void status(HttpExchange exchange, Protocol protocol, int httpStatus, Code code, String message)
            throws IOException {
        Status status = Status.newBuilder().setCode(code.getNumber()).setMessage(message).build();
        send(exchange, httpStatus, contentTypeOf(protocol), encode(protocol, status));
    }

    private static String contentTypeOf(Protocol protocol) {
        return protocol == Protocol.HTTP_JSON ? JSON : PROTOBUF;
    }

    private static byte[] encode(Protocol protocol, Message message) {
        return protocol == Protocol.HTTP_JSON
                ? OtlpJson.print(message).getBytes(StandardCharsets.UTF_8)
                : message.toByteArray();
    }

    private static void text(HttpExchange exchange, int httpStatus, String contentType, String body) throws IOException {
        send(exchange, httpStatus, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int httpStatus, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        // -1: no body; 0 would mean "chunked" to the JDK server.
        exchange.sendResponseHeaders(httpStatus, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String clientOf(HttpExchange exchange) {
        return ClientAddress.format(exchange.getRemoteAddress());
    }
}
