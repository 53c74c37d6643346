package dev.otlpdoctor.listen.tally;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One refused request, with what is needed to tell the user which exporter setting to change.
 *
 * @param reason      short label: not-found, method-not-allowed, unsupported-media-type, too-large, malformed...
 * @param transport   "http" or "grpc"
 * @param method      HTTP method, or for gRPC "POST"; null when the request line was never read
 * @param path        request path (gRPC: the full method name, {@code /package.Service/Method})
 * @param contentType the request's Content-Type, or null
 * @param userAgent   the request's User-Agent, or null
 * @param status      the answer: HTTP status number or gRPC status code name
 * @param client      peer address
 * @param why         the answer's message (never a header value)
 */
public record Rejection(String reason, String transport, String method, String path, String contentType,
                 String userAgent, String status, String client, String why) {
    private static final Pattern DOUBLED = Pattern.compile(".*(/v1/(?:traces|metrics|logs))\\1/?$");
    private static final Pattern PREFIXED = Pattern.compile("(/.+?)(/v1/(?:traces|metrics|logs))/?$");

    boolean probe() {
        return UserAgent.isOtlpdoctor(userAgent);
    }

    /** The exporter setting to change, or what the answer means; empty when there is nothing to add. */
    public String fix() {
        String p = path == null ? "" : path;
        return switch (reason) {
            case "not-found" -> transport.equals("grpc") ? grpcNotFound(p) : httpNotFound(p);
            case "method-not-allowed" -> "OTLP/HTTP takes POST only (a browser, or curl without --data, sends "
                    + method + ")";
            case "unsupported-media-type" -> "OTLP/HTTP bodies are application/x-protobuf or application/json:"
                    + " set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (or http/json)";
            case "unsupported-encoding" -> "listen decodes gzip, deflate and zlib (a collector also zstd and snappy):"
                    + " set OTEL_EXPORTER_OTLP_COMPRESSION=gzip";
            case "too-large" -> "send smaller batches (OTEL_BSP_MAX_EXPORT_BATCH_SIZE, OTEL_BLRP_MAX_EXPORT_BATCH_SIZE)"
                    + " or raise listen's --max-message-size (a collector: max_request_body_size / max_recv_msg_size_mib)";
            case "malformed" -> transport.equals("grpc")
                    ? "the message is not an OTLP Export request (a client built from other .proto files, or corrupt compression)"
                    : "the body does not decode as OTLP in the encoding its Content-Type names (a body compressed"
                    + " without Content-Encoding, or JSON sent as application/x-protobuf)";
            case "unauthenticated" -> "send the header listen was told to require: OTEL_EXPORTER_OTLP_HEADERS=<name>=<value>"
                    + " (the name is in --require-header)";
            case "over-budget" -> "listen's in-flight byte budget (--max-in-flight) was full: the exporter retries;"
                    + " raise --max-in-flight if this persists";
            default -> "";
        };
    }

    private static String httpNotFound(String path) {
        Matcher doubled = DOUBLED.matcher(path);
        if (doubled.matches()) {
            return "the exporter appends " + doubled.group(1) + " itself: drop it from OTEL_EXPORTER_OTLP_ENDPOINT"
                    + " (a per-signal OTEL_EXPORTER_OTLP_" + signalWord(doubled.group(1)) + "_ENDPOINT is used as given)";
        }
        Matcher prefixed = PREFIXED.matcher(path);
        if (prefixed.matches()) {
            return "listen (like a collector) serves " + prefixed.group(2) + " at the root: remove '"
                    + prefixed.group(1) + "' from the endpoint, unless a proxy in front of your collector needs it";
        }
        if (path.isEmpty() || path.equals("/")) {
            return "a per-signal endpoint (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, ..._METRICS_..., ..._LOGS_...) is used"
                    + " as given: end it in /v1/traces, /v1/metrics or /v1/logs, or set OTEL_EXPORTER_OTLP_ENDPOINT instead";
        }
        return "OTLP/HTTP paths are /v1/traces, /v1/metrics and /v1/logs: set OTEL_EXPORTER_OTLP_ENDPOINT to the"
                + " base URL (scheme, host, port); the exporter appends the path";
    }

    private static String grpcNotFound(String method) {
        if (method.startsWith("/grpc.health.")) {
            return "a gRPC health check: a collector's OTLP receiver does not serve it either"
                    + " (the collector's health_check extension does, on its own port)";
        }
        if (method.startsWith("/grpc.reflection.")) {
            return "gRPC reflection: a collector does not serve it either";
        }
        return "a collector serves only the opentelemetry.proto.collector.{trace,metrics,logs}.v1 Export methods";
    }

    private static String signalWord(String signalPath) {
        return signalPath.substring(4).toUpperCase(Locale.ROOT);
    }

    /** The request as one line: {@code POST /v1/traces/v1/traces (application/x-protobuf)}. */
    public String request() {
        StringBuilder line = new StringBuilder();
        line.append(method == null ? "?" : method).append(' ').append(path == null ? "?" : path);
        if (contentType != null) {
            line.append(" (").append(contentType).append(')');
        }
        return line.toString();
    }
}
