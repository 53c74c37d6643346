package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.INFO;
import static dev.otlpdoctor.report.Severity.PASS;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/** Codes of the OTLP/gRPC and OTLP/HTTP probes: what the receiver answered to exports, signal by signal. */
public final class OtlpCodes {
    private OtlpCodes() {
    }

    public static final CatalogEntry OTLP_OK = new CatalogEntry("otlp.ok", PASS,
            "{signal} accepted over {protocol}",
            "The endpoint answered an OTLP export for the signal with success and a well-formed Export*ServiceResponse. "
                    + "An empty request (the default) proves that the receiver serves the signal; the collector answers "
                    + "it without passing anything on, so only --send-sample proves that the pipeline takes data.",
            "The signal, protocol and encoding, the status, and whether a sample item was sent.",
            List.of());

    public static final CatalogEntry SIGNAL_NOT_ACCEPTED = new CatalogEntry("signal.not-accepted", FAIL,
            "{signal} not accepted: no pipeline takes {signal} from this receiver ({answer})",
            "The collector registers the OTLP service (gRPC) or URL path (HTTP) of a signal only when a pipeline "
                    + "of that signal lists the otlp receiver. Without one, gRPC answers UNIMPLEMENTED ('unknown "
                    + "service') and HTTP answers 404, while the other signals work.",
            "The signal, the gRPC status or HTTP status and body, and the path or method called.",
            List.of("Add the otlp receiver to a {signal} pipeline in the collector config, e.g. "
                            + "service: {pipelines: {{signal}: {receivers: [otlp], exporters: [debug]}}} "
                            + "(keep your processors and exporters), then restart the collector.",
                    "Check the config before deploying: otlpdoctor lint <config.yaml>",
                    "If the application does not send {signal}, turn that exporter off instead: "
                            + "OTEL_{SIGNALUPPER}_EXPORTER=none"));

    public static final CatalogEntry AUTH_REQUIRED = new CatalogEntry("auth.required", FAIL,
            "{signal} export refused: {answer}",
            "The receiver (or a proxy in front of it) requires credentials: an authenticator extension on the "
                    + "receiver (auth: authenticator: ...), or a gateway checking an API key. The headers sent "
                    + "were missing or not accepted.",
            "The status, the server's message, and the names (never the values) of the headers sent.",
            List.of("Send the credentials the receiver expects: OTEL_EXPORTER_OTLP_HEADERS=authorization=Bearer%20<token> "
                            + "(values are URL-encoded), and check them with: otlpdoctor check {endpoint} -H "
                            + "'authorization=Bearer <token>'",
                    "Look up which authenticator the receiver uses: receivers.otlp.protocols.<grpc|http>.auth."
                            + "authenticator in the collector config, and that extension's settings (bearertokenauth, "
                            + "basicauth, oidc)."));

    public static final CatalogEntry OTLP_UNAVAILABLE = new CatalogEntry("otlp.unavailable", FAIL,
            "{signal}: the receiver is unavailable ({answer})",
            "The receiver took the request but could not pass it on: the pipeline's next component refused it "
                    + "with a retryable error (a full queue, a memory_limiter refusing data, an exporter that "
                    + "cannot reach its backend), or a proxy has no healthy backend (HTTP 503).",
            "The status, the server's message and any Retry-After.",
            List.of("Look at the collector's logs and its internal metrics (http://<collector>:8888/metrics: "
                            + "otelcol_receiver_refused_*, otelcol_exporter_send_failed_*, "
                            + "otelcol_exporter_queue_size).",
                    "If a memory_limiter refuses data, give the collector more memory or lower limit_mib; if an "
                            + "exporter's queue is full, check that its backend is reachable."));

    public static final CatalogEntry OTLP_THROTTLED = new CatalogEntry("otlp.throttled", FAIL,
            "{signal}: the receiver asks to slow down ({answer})",
            "The receiver answered RESOURCE_EXHAUSTED (gRPC) or 429 (HTTP): it is overloaded or rate-limited. "
                    + "SDKs retry after the delay the server gives (Retry-After, gRPC RetryInfo). The export was "
                    + "not accepted, so the check cannot show that the signal gets through: it fails (a PASS "
                    + "means proven), even though a later retry may succeed.",
            "The status, message and Retry-After.",
            List.of("Check the collector's memory_limiter and any rate limiting in front of it; scale the collector "
                            + "or reduce the export rate (batch processor, sampling)."));

    public static final CatalogEntry OTLP_DEADLINE = new CatalogEntry("otlp.deadline", FAIL,
            "{signal}: no answer within the deadline ({answer})",
            "The export was sent but the answer did not come in time: an overloaded or stuck collector, a "
                    + "pipeline that blocks (a full sending queue without a timeout), or a proxy holding the request.",
            "How long the probe waited and the status, if any.",
            List.of("Retry with more time to tell slow from stuck: otlpdoctor check {endpoint} --timeout 30s",
                    "Look at the collector's CPU, memory and logs, and at otelcol_exporter_queue_size on :8888/metrics."));

    public static final CatalogEntry OTLP_PARTIAL_SUCCESS = new CatalogEntry("otlp.partial-success", WARN,
            "{signal}: {rejected} item(s) rejected: {errorMessage}",
            "The receiver accepted the request but reported a partial success: some items were rejected, "
                    + "with the reason in error_message.",
            "The number of rejected items and the server's message.",
            List.of("Read the message: it names why the items were dropped (invalid data, limits, a processor "
                    + "filtering them)."));

    public static final CatalogEntry OTLP_REJECTED = new CatalogEntry("otlp.rejected", FAIL,
            "{signal}: the export failed: {answer}",
            "The receiver answered the export with an error that has no more specific code: an internal error, "
                    + "a bad request, or a status otlpdoctor does not map.",
            "The status, message and trailers or body (capped).",
            List.of("Look at the collector's logs at the time of the check for the matching error.",
                    "Rerun with -v to see the full answer: otlpdoctor check {endpoint} -v"));

    public static final CatalogEntry HTTP_RECEIVER_FOUND = new CatalogEntry("http.receiver-found", PASS,
            "GET {path} answers 405: an OTLP/HTTP receiver serves this path",
            "The collector's OTLP/HTTP receiver answers any method but POST on a signal path with 405 'method "
                    + "not allowed, supported: [POST]'.",
            "The status, content type and body of the GET.",
            List.of());

    public static final CatalogEntry HTTP_PATH_NOT_FOUND = new CatalogEntry("http.path-not-found", FAIL,
            "no OTLP/HTTP path answers under '{basePath}': every signal got 404",
            "The server is HTTP, but none of {basePath}/v1/traces, /v1/metrics, /v1/logs exists: the base path is "
                    + "wrong (a prefix the collector does not have, or one a proxy strips or adds), the receiver "
                    + "uses custom traces_url_path/metrics_url_path/logs_url_path, or no pipeline uses the otlp receiver.",
            "The paths tried and their answers.",
            List.of("Use the base URL without /v1/...: OTEL_EXPORTER_OTLP_ENDPOINT=http://{host}:{port} (SDKs append "
                            + "/v1/<signal>; a per-signal OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is used as is and needs the "
                            + "full path).",
                    "Check the receiver's http: settings in the collector config for *_url_path and that a pipeline "
                            + "lists the otlp receiver."));

    public static final CatalogEntry HTTP_BAD_REQUEST = new CatalogEntry("http.bad-request", FAIL,
            "{signal} over {protocol}: 400 Bad Request ({answer})",
            "The server could not read the request body. The collector answers 400 only when the body does not "
                    + "unmarshal in the declared encoding, or when a pipeline rejects data permanently; an empty "
                    + "export is valid OTLP, so a 400 to it points at a proxy or a server that is not the collector.",
            "The status and the decoded google.rpc.Status message or body.",
            List.of("Compare the answer with what the application gets; rerun with -v to see the body.",
                    "If a proxy sits in front of the collector, check that it forwards the body and the "
                            + "Content-Type header unchanged."));

    public static final CatalogEntry HTTP_METHOD_NOT_ALLOWED = new CatalogEntry("http.method-not-allowed", FAIL,
            "POST {path} answered 405 ({answer})",
            "POST, the only method OTLP/HTTP uses, is refused on the signal path: a proxy or another web "
                    + "server answers here, not the collector's receiver (which allows POST).",
            "The status, Allow header and body.",
            List.of("Find the server that answered: curl -sv -X POST {url} -o /dev/null and check the Server header.",
                    "Route POST {path} to the collector's OTLP/HTTP port (4318)."));

    public static final CatalogEntry HTTP_PAYLOAD_TOO_LARGE = new CatalogEntry("http.payload-too-large", FAIL,
            "{signal} over {protocol}: 413 Payload Too Large ({answer})",
            "The server refuses the request size. The collector limits bodies with max_request_body_size "
                    + "(default 20 MiB); proxies have their own limits (nginx client_max_body_size, 1 MiB by default).",
            "The status and body.",
            List.of("Raise the limit where it applies: receivers.otlp.protocols.http.max_request_body_size in the "
                            + "collector, client_max_body_size in nginx, or the ingress's body size annotation.",
                    "Or send smaller batches: lower the SDK's batch size (OTEL_BSP_MAX_EXPORT_BATCH_SIZE)."));

    public static final CatalogEntry HTTP_UNSUPPORTED_MEDIA_TYPE = new CatalogEntry("http.unsupported-media-type", FAIL,
            "{signal} over {protocol}: 415 Unsupported Media Type ({answer})",
            "The server does not accept the request's Content-Type. The collector accepts application/x-protobuf "
                    + "and application/json only; a proxy that rewrites Content-Type, or a gRPC server reached over "
                    + "HTTP/1.1, answers 415 as well.",
            "The Content-Type sent and the server's answer.",
            List.of("Use an OTLP/HTTP exporter with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (or http/json).",
                    "If a proxy is in between, make it pass the Content-Type header through unchanged."));

    public static final CatalogEntry GRPC_HEALTH_SERVING = new CatalogEntry("grpc.health-serving", PASS,
            "grpc.health.v1.Health/Check: SERVING",
            "The server implements the standard gRPC health service and reports itself serving.",
            "The health status.",
            List.of());

    public static final CatalogEntry GRPC_HEALTH_NOT_SERVING = new CatalogEntry("grpc.health-not-serving", WARN,
            "grpc.health.v1.Health/Check: {status}",
            "The server implements the standard gRPC health service and reports that it is not serving.",
            "The health status.",
            List.of("Look at the server's logs: it reports itself unhealthy."));

    public static final CatalogEntry GRPC_HEALTH_UNIMPLEMENTED = new CatalogEntry("grpc.health-unimplemented", INFO,
            "the gRPC health service is not served here (the collector never serves it)",
            "The collector's OTLP receiver registers only the OTLP services, never grpc.health.v1.Health: "
                    + "UNIMPLEMENTED is expected and says nothing about the receiver's health. The collector's "
                    + "health is the health_check extension (HTTP, port 13133).",
            "The gRPC status of the health call.",
            List.of());

    public static final CatalogEntry GRPC_HEALTH_ERROR = new CatalogEntry("grpc.health-error", INFO,
            "grpc.health.v1.Health/Check answered {answer}",
            "The health call failed with a status other than UNIMPLEMENTED; the OTLP export results of this "
                    + "endpoint say more.",
            "The gRPC status and message.",
            List.of());

    static final List<CatalogEntry> ALL = List.of(OTLP_OK, SIGNAL_NOT_ACCEPTED, AUTH_REQUIRED, OTLP_UNAVAILABLE,
            OTLP_THROTTLED, OTLP_DEADLINE, OTLP_PARTIAL_SUCCESS, OTLP_REJECTED, HTTP_RECEIVER_FOUND,
            HTTP_PATH_NOT_FOUND, HTTP_BAD_REQUEST, HTTP_METHOD_NOT_ALLOWED, HTTP_PAYLOAD_TOO_LARGE,
            HTTP_UNSUPPORTED_MEDIA_TYPE, GRPC_HEALTH_SERVING, GRPC_HEALTH_NOT_SERVING, GRPC_HEALTH_UNIMPLEMENTED,
            GRPC_HEALTH_ERROR);
}
