package dev.otlpdoctor.testing;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Status;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.otlpdoctor.otlp.Signal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process OTLP/HTTP receiver on loopback that answers as the collector's (receiver/otlpreceiver/
 * otlphttp.go, see docs/collector-behaviour.md): paths only for signals with a pipeline (else Go's
 * "404 page not found"), 405 text for other methods, 415 text for other content types, 400 with a
 * google.rpc.Status for bodies that do not parse, 200 with an Export response in the request's encoding.
 * It can require a header (401 like an authenticator), use TLS, answer a signal with a given HTTP status
 * (429/503 with Retry-After), and report partial success.
 */
public final class FakeHttpCollector implements AutoCloseable {
    private static final String PROTOBUF = "application/x-protobuf";
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-http-collector");
        thread.setDaemon(true);
        return thread;
    });
    private final Builder config;
    private final Map<Signal, AtomicInteger> posts = new ConcurrentHashMap<>();

    private FakeHttpCollector(Builder config) throws IOException {
        this.config = config;
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (config.tls != null) {
            HttpsServer https = HttpsServer.create(address, 50);
            https.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.serverContext(config.tls)));
            server = https;
        } else {
            server = HttpServer.create(address, 50);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static FakeHttpCollector start() throws IOException {
        return builder().start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    /** POSTs of the signal that reached its handler. */
    public int posts(Signal signal) {
        AtomicInteger count = posts.get(signal);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Signal signal = null;
            for (Signal s : config.signals) {
                if (path.equals(config.basePath + s.httpPath())) {
                    signal = s;
                }
            }
            if (signal == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "404 page not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (config.headerName != null
                    && !config.headerValue.equals(exchange.getRequestHeaders().getFirst(config.headerName))) {
                sendStatus(exchange, 401, 16, "missing or invalid " + config.headerName);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "405 method not allowed, supported: [POST]".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String mime = mime(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!mime.equals(PROTOBUF) && !mime.equals(JSON)) {
                send(exchange, 415, "text/plain", ("415 unsupported media type, supported: [" + JSON + ", " + PROTOBUF + "]")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = readAll(exchange.getRequestBody());
            try {
                parse(signal, body, mime.equals(JSON));
            } catch (IOException e) {
                sendStatus(exchange, 400, 3, e.getMessage());
                return;
            }
            posts.computeIfAbsent(signal, s -> new AtomicInteger()).incrementAndGet();
            Integer failure = config.failures.get(signal);
            if (failure != null) {
                if (failure == 429 || failure == 503) {
                    exchange.getResponseHeaders().set("Retry-After", "30");
                }
                sendStatus(exchange, failure, failure == 429 ? 8 : failure == 503 ? 14 : 13, "export failed");
                return;
            }
            Message response = response(signal);
            byte[] out = mime.equals(JSON) ? JsonFormat.printer().print(response).getBytes(StandardCharsets.UTF_8)
                    : response.toByteArray();
            send(exchange, 200, mime, out);
        }
    }

    /** A google.rpc.Status in the request's encoding (JSON when none), as the receiver's error handler writes. */
    private void sendStatus(HttpExchange exchange, int httpStatus, int code, String message) throws IOException {
        Status status = Status.newBuilder().setCode(code).setMessage(message).build();
        String mime = mime(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (mime.equals(PROTOBUF)) {
            send(exchange, httpStatus, PROTOBUF, status.toByteArray());
        } else {
            send(exchange, httpStatus, JSON, JsonFormat.printer().print(status).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Message response(Signal signal) {
        Long rejected = config.rejected.get(signal);
        switch (signal) {
            case TRACES:
                return rejected == null ? ExportTraceServiceResponse.getDefaultInstance()
                        : ExportTraceServiceResponse.newBuilder().setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                                .setRejectedSpans(rejected).setErrorMessage(config.rejectMessage)).build();
            case METRICS:
                return rejected == null ? ExportMetricsServiceResponse.getDefaultInstance()
                        : ExportMetricsServiceResponse.newBuilder().setPartialSuccess(ExportMetricsPartialSuccess
                                .newBuilder().setRejectedDataPoints(rejected).setErrorMessage(config.rejectMessage)).build();
            default:
                return rejected == null ? ExportLogsServiceResponse.getDefaultInstance()
                        : ExportLogsServiceResponse.newBuilder().setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                                .setRejectedLogRecords(rejected).setErrorMessage(config.rejectMessage)).build();
        }
    }

    private static void parse(Signal signal, byte[] body, boolean json) throws IOException {
        Message.Builder builder = signal == Signal.TRACES ? ExportTraceServiceRequest.newBuilder()
                : signal == Signal.METRICS ? ExportMetricsServiceRequest.newBuilder() : ExportLogsServiceRequest.newBuilder();
        if (json) {
            JsonFormat.parser().merge(new String(body, StandardCharsets.UTF_8), builder);
        } else {
            builder.mergeFrom(body);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String mime(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(20 * 1024 * 1024 + 1); // the collector's default max_request_body_size
        return bytes;
    }

    /** Configures a {@link FakeHttpCollector}. */
    public static final class Builder {
        private Set<Signal> signals = EnumSet.allOf(Signal.class);
        private String basePath = "";
        private String headerName;
        private String headerValue;
        private TestCertificates.Server tls;
        private final Map<Signal, Integer> failures = new EnumMap<>(Signal.class);
        private final Map<Signal, Long> rejected = new EnumMap<>(Signal.class);
        private String rejectMessage = "";

        /** Only these signals have a pipeline (a path); the others get 404. */
        public Builder signals(Signal first, Signal... rest) {
            signals = EnumSet.of(first, rest);
            return this;
        }

        /** Paths under a prefix, as behind a proxy that routes {@code /prefix/v1/...}. */
        public Builder basePath(String prefix) {
            basePath = prefix;
            return this;
        }

        public Builder requireHeader(String name, String value) {
            headerName = name;
            headerValue = value;
            return this;
        }

        public Builder tls(TestCertificates.Server certificate) {
            tls = certificate;
            return this;
        }

        /** Answers the signal's POSTs with this HTTP status (429 and 503 with Retry-After: 30). */
        public Builder fail(Signal signal, int httpStatus) {
            failures.put(signal, httpStatus);
            return this;
        }

        public Builder rejectSome(Signal signal, long count, String message) {
            rejected.put(signal, count);
            rejectMessage = message;
            return this;
        }

        public FakeHttpCollector start() throws IOException {
            return new FakeHttpCollector(this);
        }
    }
}
