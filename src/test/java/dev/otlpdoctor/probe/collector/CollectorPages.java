package dev.otlpdoctor.probe.collector;

/**
 * Bodies the collector serves, built from its source: metric names from the mdatagen documentation.md /
 * metadata.yaml of receiverhelper, exporterhelper, processorhelper and memorylimiterprocessor at the
 * version named, label keys from their obsreport code, and the exposition options from the service's
 * Prometheus reader defaults (see docs/collector-behaviour.md). Values are arbitrary.
 */
final class CollectorPages {
    private CollectorPages() {
    }

    /**
     * v0.100.0: OpenCensus-compatible exposition (WithoutCounterSuffixes, WithNamespace("otelcol")), resource
     * attributes as constant labels, processorhelper's per-processor accepted/refused/dropped counters.
     */
    static final String V0_100 = """
            # HELP otelcol_exporter_enqueue_failed_spans Number of spans failed to be added to the sending queue.
            # TYPE otelcol_exporter_enqueue_failed_spans counter
            otelcol_exporter_enqueue_failed_spans{exporter="otlp/backend",service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0"} 0
            # HELP otelcol_exporter_queue_capacity Fixed capacity of the retry queue (in batches)
            # TYPE otelcol_exporter_queue_capacity gauge
            otelcol_exporter_queue_capacity{exporter="otlp/backend",service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0"} 1000
            # HELP otelcol_exporter_queue_size Current size of the retry queue (in batches)
            # TYPE otelcol_exporter_queue_size gauge
            otelcol_exporter_queue_size{exporter="otlp/backend",service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0"} 12
            # HELP otelcol_exporter_send_failed_spans Number of spans in failed attempts to send to destination.
            # TYPE otelcol_exporter_send_failed_spans counter
            otelcol_exporter_send_failed_spans{exporter="otlp/backend",service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0"} 0
            # HELP otelcol_exporter_sent_spans Number of spans successfully sent to destination.
            # TYPE otelcol_exporter_sent_spans counter
            otelcol_exporter_sent_spans{exporter="otlp/backend",service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0"} 1200
            # HELP otelcol_processor_accepted_spans Number of spans successfully pushed into the next component in the pipeline.
            # TYPE otelcol_processor_accepted_spans counter
            otelcol_processor_accepted_spans{processor="memory_limiter",service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0"} 1200
            # HELP otelcol_processor_refused_spans Number of spans that were rejected by the next component in the pipeline.
            # TYPE otelcol_processor_refused_spans counter
            otelcol_processor_refused_spans{processor="memory_limiter",service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0"} 40
            # HELP otelcol_receiver_accepted_spans Number of spans successfully pushed into the pipeline.
            # TYPE otelcol_receiver_accepted_spans counter
            otelcol_receiver_accepted_spans{receiver="otlp",service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0",transport="grpc"} 1200
            # HELP otelcol_receiver_refused_spans Number of spans that could not be pushed into the pipeline.
            # TYPE otelcol_receiver_refused_spans counter
            otelcol_receiver_refused_spans{receiver="otlp",service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0",transport="grpc"} 40
            # HELP otelcol_process_uptime Uptime of the process
            # TYPE otelcol_process_uptime counter
            otelcol_process_uptime{service_instance_id="4f1c",service_name="otelcol-contrib",service_version="0.100.0"} 3600.5
            """;

    /**
     * v0.130.0: default reader (WithoutUnits, WithoutTypeSuffix, no resource labels), processor items with
     * otel_signal (v0.110.0+), memory_limiter still counting otelcol_processor_refused_* (until v0.155.0),
     * queue gauges with data_type (v0.106.0+). Exporter otlphttp/vendor fails, its queue is full.
     */
    static final String V0_130 = """
            # HELP otelcol_exporter_queue_capacity Fixed capacity of the retry queue (in batches).
            # TYPE otelcol_exporter_queue_capacity gauge
            otelcol_exporter_queue_capacity{data_type="logs",exporter="otlphttp/vendor"} 1000
            # HELP otelcol_exporter_queue_size Current size of the retry queue (in batches).
            # TYPE otelcol_exporter_queue_size gauge
            otelcol_exporter_queue_size{data_type="logs",exporter="otlphttp/vendor"} 1000
            # HELP otelcol_exporter_send_failed_log_records Number of log records in failed attempts to send to destination.
            # TYPE otelcol_exporter_send_failed_log_records counter
            otelcol_exporter_send_failed_log_records{exporter="otlphttp/vendor"} 5230
            # HELP otelcol_exporter_sent_log_records Number of log record successfully sent to destination.
            # TYPE otelcol_exporter_sent_log_records counter
            otelcol_exporter_sent_log_records{exporter="otlphttp/vendor"} 0
            # HELP otelcol_processor_incoming_items Number of items passed to the processor.
            # TYPE otelcol_processor_incoming_items counter
            otelcol_processor_incoming_items{otel_signal="logs",processor="memory_limiter"} 5230
            # HELP otelcol_processor_outgoing_items Number of items emitted from the processor.
            # TYPE otelcol_processor_outgoing_items counter
            otelcol_processor_outgoing_items{otel_signal="logs",processor="memory_limiter"} 5230
            # HELP otelcol_receiver_accepted_log_records Number of log records successfully pushed into the pipeline.
            # TYPE otelcol_receiver_accepted_log_records counter
            otelcol_receiver_accepted_log_records{receiver="otlp",transport="http"} 5230
            # HELP otelcol_receiver_refused_log_records Number of log records that could not be pushed into the pipeline.
            # TYPE otelcol_receiver_refused_log_records counter
            otelcol_receiver_refused_log_records{receiver="otlp",transport="http"} 0
            # HELP promhttp_metric_handler_errors_total Total number of internal errors encountered by the promhttp metric handler.
            # TYPE promhttp_metric_handler_errors_total counter
            promhttp_metric_handler_errors_total{cause="encoding"} 0
            # HELP target_info Target metadata
            # TYPE target_info gauge
            target_info{service_instance_id="9b2e",service_name="otelcol",service_version="0.130.0"} 1
            """;

    /**
     * v0.155.0 and later with a user-configured Prometheus reader that keeps type suffixes
     * ({@code without_type_suffix: false}): counters end in _total; memory_limiter's own refused counters;
     * receiver failed counters (v0.133.0+). Receiver otlp refuses spans.
     */
    static String v0_155WithTypeSuffix(long accepted, long refused, long sendFailed) {
        return """
                # HELP otelcol_receiver_accepted_spans_total Number of spans successfully pushed into the pipeline.
                # TYPE otelcol_receiver_accepted_spans_total counter
                otelcol_receiver_accepted_spans_total{receiver="otlp",transport="http"} %d
                # HELP otelcol_receiver_refused_spans_total Number of spans that could not be pushed into the pipeline.
                # TYPE otelcol_receiver_refused_spans_total counter
                otelcol_receiver_refused_spans_total{receiver="otlp",transport="http"} %d
                # HELP otelcol_receiver_failed_spans_total The number of spans that failed to be processed by the receiver due to internal errors.
                # TYPE otelcol_receiver_failed_spans_total counter
                otelcol_receiver_failed_spans_total{receiver="otlp",transport="http"} 0
                # HELP otelcol_processor_memory_limiter_refused_spans_total Number of spans that were rejected by the next component in the pipeline.
                # TYPE otelcol_processor_memory_limiter_refused_spans_total counter
                otelcol_processor_memory_limiter_refused_spans_total{processor="memory_limiter"} %d
                # HELP otelcol_exporter_sent_spans_total Number of spans successfully sent to destination.
                # TYPE otelcol_exporter_sent_spans_total counter
                otelcol_exporter_sent_spans_total{exporter="otlp/tempo"} %d
                # HELP otelcol_exporter_send_failed_spans_total Number of spans in failed attempts to send to destination.
                # TYPE otelcol_exporter_send_failed_spans_total counter
                otelcol_exporter_send_failed_spans_total{exporter="otlp/tempo"} %d
                # HELP otelcol_exporter_queue_size Current size of the retry queue (in batches).
                # TYPE otelcol_exporter_queue_size gauge
                otelcol_exporter_queue_size{data_type="traces",exporter="otlp/tempo"} 3
                # HELP otelcol_exporter_queue_capacity Fixed capacity of the retry queue (in batches).
                # TYPE otelcol_exporter_queue_capacity gauge
                otelcol_exporter_queue_capacity{data_type="traces",exporter="otlp/tempo"} 1000
                """.formatted(accepted, refused, refused, accepted - sendFailed, sendFailed);
    }

    /** health_check (v1) when ready: internal/healthcheck/handler.go, 200. */
    static final String V1_READY = "{\"status\":\"Server available\",\"upSince\":\"2026-11-25T14:00:00.123Z\","
            + "\"uptime\":\"1h2m3.4s\"}";
    /** health_check (v1) before Ready() or after NotReady(): 503, zero upSince, empty uptime. */
    static final String V1_NOT_READY = "{\"status\":\"Server not available\",\"upSince\":\"0001-01-01T00:00:00Z\","
            + "\"uptime\":\"\"}";
    /** health_check v2 with component health: a fatal exporter error, 500 (internal/http/responders.go). */
    static final String V2_FATAL = """
            {"start_time":"2026-11-25T14:00:00Z","healthy":false,"status":"StatusFatalError",\
            "error":"rpc error","status_time":"2026-11-25T14:05:00Z","components":{"pipeline:traces":\
            {"healthy":false,"status":"StatusFatalError","status_time":"2026-11-25T14:05:00Z","components":\
            {"exporter:otlp/backend":{"healthy":false,"status":"StatusFatalError","error":"failed to connect",\
            "status_time":"2026-11-25T14:05:00Z"},"receiver:otlp":{"healthy":true,"status":"StatusOK",\
            "status_time":"2026-11-25T14:00:00Z"}}}}}""";
}
