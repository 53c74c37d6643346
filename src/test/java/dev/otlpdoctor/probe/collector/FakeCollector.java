package dev.otlpdoctor.probe.collector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A loopback HTTP server answering as a collector's health_check extension ({@code /}), its metrics page
 * ({@code /metrics}) and its OTLP/HTTP traces path ({@code /v1/traces}, which counts the spans it receives
 * as accepted and, when told, as failed at the exporter).
 */
final class FakeCollector implements AutoCloseable {
    private final HttpServer server;
    volatile String healthPath = "/";
    volatile int healthStatus = 200;
    volatile String healthBody = CollectorPages.V1_READY;
    volatile Supplier<String> metricsPage;
    volatile boolean exporterFails;
    final AtomicLong acceptedSpans = new AtomicLong(100);
    final AtomicLong failedSpans = new AtomicLong();

    FakeCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        metricsPage = () -> CollectorPages.v0_155WithTypeSuffix(acceptedSpans.get(), 0, failedSpans.get());
        // Like Go's ServeMux: the pattern "/" matches every path, any other pattern only itself.
        server.createContext("/", ex -> {
            if (healthPath.equals("/") || healthPath.equals(ex.getRequestURI().getPath())) {
                respond(ex, healthStatus, "application/json", healthBody);
            } else {
                respond(ex, 404, "text/plain; charset=utf-8", "404 page not found\n");
            }
        });
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4", metricsPage.get()));
        server.createContext("/v1/traces", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // The collector counts spans; the test sends OTLP/JSON, where each span has one "spanId".
            int spans = body.split("\"spanId\"", -1).length - 1;
            acceptedSpans.addAndGet(spans);
            if (exporterFails) {
                failedSpans.addAndGet(spans);
            }
            respond(ex, 200, "application/json", "{}");
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
