package dev.otlpdoctor.probe.local.service;

import java.util.List;

/**
 * Log lines as the collector writes them, with their texts taken from opentelemetry-collector v0.159.0
 * (file:line of each given), Go's net package and systemd (docs/collector-behaviour.md, "Log lines the
 * service probe recognises"). The console encoding of the collector's zap logger is
 * {@code TIME<TAB>LEVEL<TAB>CALLER<TAB>MESSAGE<TAB>FIELDS}; cobra prints a failed start as {@code Error: …}.
 */
final class CollectorLogSamples {
    private CollectorLogSamples() {
    }

    static final String RESOURCE = "{\"resource\": {\"service.instance.id\": \"5b1f0a52-8f4e-4c59-9d2e-2f0e6f1c7a10\", "
            + "\"service.name\": \"otelcol-contrib\", \"service.version\": \"0.159.0\"}, ";

    // service/service.go:259, :282 — a start that worked
    static final String STARTING = "2026-12-01T22:40:00.101Z\tinfo\tservice@v0.159.0/service.go:259\tStarting otelcol-contrib...\t"
            + RESOURCE + "\"Version\": \"0.159.0\", \"NumCPU\": 2}";
    static final String READY = "2026-12-01T22:40:00.412Z\tinfo\tservice@v0.159.0/service.go:282\tEverything is ready. "
            + "Begin running and processing data.\t" + RESOURCE.substring(0, RESOURCE.length() - 2) + "}";

    // otelcol/collector.go:193, otelcol/configprovider.go:70, configunmarshaler/configs.go:75, mapstructure
    static final List<String> INVALID_KEYS = List.of(
            "Error: failed to get config: cannot unmarshal the configuration: decoding failed due to the following error(s):",
            "'receivers' error reading configuration for \"otlp\": decoding failed due to the following error(s):",
            "'protocols' has invalid keys: htp");

    // otelcol/internal/configunmarshaler/configs.go:71 — the logging exporter was removed in v0.111.0
    static final List<String> UNKNOWN_TYPE = List.of(
            "Error: failed to get config: cannot unmarshal the configuration: decoding failed due to the following error(s):",
            "'exporters' unknown type: \"logging\" for id: \"logging\" (valid values: [debug file nop otlp otlphttp])");

    // otelcol/collector.go:197 ("invalid configuration: %w") around otelcol/config.go:121
    static final String NOT_CONFIGURED = "Error: invalid configuration: service::pipelines::traces: references exporter "
            + "\"otlphttp/backend\" which is not configured";

    // otelcol/config.go:85
    static final String EXTENSION_NOT_CONFIGURED = "Error: invalid configuration: service::extensions: references extension "
            + "\"health_check\" which is not configured";

    // service/internal/graph/graph.go:454 (zap), then :459 and service/service.go:275 (cobra); Go net: EADDRINUSE
    static final String FAILED_TO_START_COMPONENT = "2026-12-01T22:58:01.234Z\terror\tgraph/graph.go:454\tFailed to start component\t"
            + RESOURCE + "\"error\": \"listen tcp 0.0.0.0:4317: bind: address already in use\", \"type\": \"Receiver\", \"id\": \"otlp\"}";
    static final String ADDRESS_IN_USE = "Error: cannot start pipelines: failed to start \"otlp\" receiver: listen tcp 0.0.0.0:4317: "
            + "bind: address already in use";

    // service/service.go:275, graph.go:459, config/configtls/configtls.go:64
    static final String TLS_START_FAILED = "Error: cannot start pipelines: failed to start \"otlp\" receiver: failed to load TLS "
            + "config: failed to load TLS cert and key: open /etc/otelcol-contrib/tls/server.crt: no such file or directory";

    // service/service.go:379, graph/exporter.go:75
    static final String BUILD_FAILED = "Error: failed to build pipelines: failed to create \"otlp/backend\" exporter for data "
            + "type \"traces\": endpoint must be specified";

    // internal/memorylimiter/memorylimiter.go:301, :282
    static final String SOFT_LIMIT = "2026-12-01T23:05:10.000Z\twarn\tmemorylimiter@v0.159.0/memorylimiter.go:301\tMemory usage is "
            + "above soft limit. Refusing data.\t" + RESOURCE + "\"otelcol.component.id\": \"memory_limiter\", "
            + "\"otelcol.component.kind\": \"processor\", \"cur_mem_mib\": 1630}";
    static final String HARD_LIMIT = "2026-12-01T23:05:11.000Z\twarn\tmemorylimiter@v0.159.0/memorylimiter.go:282\tMemory usage is "
            + "above hard limit. Forcing a GC.\t" + RESOURCE + "\"otelcol.component.id\": \"memory_limiter\", \"cur_mem_mib\": 1990}";

    // exporter/exporterhelper/internal/retry_sender.go:133 — the backend refuses the connection
    static final String RETRY_REFUSED = "2026-12-01T23:06:00.000Z\tinfo\tinternal/retry_sender.go:133\tExporting failed. Will retry "
            + "the request after interval.\t" + RESOURCE + "\"otelcol.component.id\": \"otlp/backend\", \"otelcol.component.kind\": "
            + "\"exporter\", \"otelcol.signal\": \"traces\", \"error\": \"rpc error: code = Unavailable desc = connection error: desc = "
            + "\\\"transport: Error while dialing: dial tcp 10.0.0.5:4317: connect: connection refused\\\"\", \"interval\": \"5.8s\"}";

    // queue_sender.go:62, retry_sender.go:99, exporter/otlphttpexporter/otlp.go:222 — 401 from the backend, a password in the URL
    static final String DROPPED_401 = "2026-12-01T23:06:30.000Z\terror\tinternal/queue_sender.go:62\tExporting failed. Dropping data."
            + "\t" + RESOURCE + "\"otelcol.component.id\": \"otlphttp/backend\", \"otelcol.component.kind\": \"exporter\", "
            + "\"otelcol.signal\": \"traces\", \"error\": \"not retryable error: Permanent error: rpc error: code = Unauthenticated "
            + "desc = error exporting items, request to https://ingest:S3cretPassw0rd@backend.example.com/v1/traces?api_key=AK-77f3e1 "
            + "responded with HTTP Status Code 401, Message=invalid bearer token, Details=[]\", \"dropped_items\": 12}";

    // base_exporter.go:119 — 403 over gRPC, with the Authorization header echoed by the backend
    static final String REJECTED_403 = "2026-12-01T23:07:00.000Z\terror\tinternal/base_exporter.go:119\tExporting failed. Rejecting "
            + "data.\t" + RESOURCE + "\"otelcol.component.id\": \"otlp/backend\", \"error\": \"not retryable error: Permanent error: "
            + "rpc error: code = PermissionDenied desc = Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.Zm9v is not allowed "
            + "to write to tenant acme\", \"rejected_items\": 40}";

    // exporter/exporterhelper/internal/queue/queue.go:37 through base_exporter.go:119
    static final String QUEUE_FULL = "2026-12-01T23:08:00.000Z\terror\tinternal/base_exporter.go:119\tExporting failed. Rejecting "
            + "data. Try enabling sending_queue to survive temporary failures.\t" + RESOURCE + "\"otelcol.component.id\": \"otlp/backend\", "
            + "\"error\": \"sending queue is full\", \"rejected_items\": 512}";

    // systemd src/core/unit.c and service.c, as they appear in the unit's journal
    static final List<String> SYSTEMD_OOM = List.of(
            "otelcol-contrib.service: A process of this unit has been killed by the OOM killer.",
            "otelcol-contrib.service: Main process exited, code=killed, status=9/KILL",
            "otelcol-contrib.service: Failed with result 'oom-kill'.");
    static final List<String> SYSTEMD_EXIT = List.of(
            "otelcol-contrib.service: Main process exited, code=exited, status=1/FAILURE",
            "otelcol-contrib.service: Failed with result 'exit-code'.");

    /** Every secret the samples carry: none of them may reach any output. */
    static final List<String> SECRETS = List.of("S3cretPassw0rd", "AK-77f3e1", "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.Zm9v");
}
