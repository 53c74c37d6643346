package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.INFO;
import static dev.otlpdoctor.report.Severity.PASS;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/** Codes of the collector extras: the health_check extension (13133) and the collector's own metrics (8888). */
public final class CollectorCodes {
    private CollectorCodes() {
    }

    private static final String EXPOSE_HEALTH = "Enable the extension and bind it to all interfaces (it listens on "
            + "localhost only by default since v0.104.0):\n"
            + "  extensions:\n    health_check:\n      endpoint: 0.0.0.0:13133\n"
            + "  service:\n    extensions: [health_check]";

    private static final String EXPOSE_METRICS = "Expose the collector's own metrics on all interfaces:\n"
            + "  service:\n    telemetry:\n      metrics:\n        readers:\n          - pull:\n"
            + "              exporter:\n                prometheus:\n                  host: 0.0.0.0\n"
            + "                  port: 8888";

    public static final CatalogEntry HEALTHY = new CatalogEntry("collector.healthy", PASS,
            "the collector's health_check answers {state} ({httpStatus})",
            "The health_check extension answered 200: the collector has started its pipelines and reports itself "
                    + "ready. This is what a Kubernetes readiness probe on port 13133 sees.",
            "The URL, the HTTP status and the status (and uptime, or component statuses) from the JSON body.",
            List.of());

    public static final CatalogEntry STARTING = new CatalogEntry("collector.starting", WARN,
            "the collector's health_check answers 'not ready' ({httpStatus})",
            "The health_check extension answered 503: the collector is starting its pipelines or shutting down "
                    + "(or, with health_check v2, a component is starting or stopping). A collector that stays in "
                    + "this state keeps failing its readiness probe, so a Kubernetes Service sends it no traffic.",
            "The URL, the HTTP status and the body's status.",
            List.of("Check again in a few seconds: otlpdoctor check {host}",
                    "If it stays not ready, read the collector's log for the component that does not start: "
                            + "kubectl logs <collector-pod> (or docker logs <container>)"));

    public static final CatalogEntry UNHEALTHY = new CatalogEntry("collector.unhealthy", FAIL,
            "the collector's health_check reports it unhealthy ({httpStatus})",
            "The health_check extension answered 500: with check_collector_pipeline enabled, an exporter failed "
                    + "more often than exporter_failure_threshold within the interval; with health_check v2, a "
                    + "component reported a fatal error (or, with component health checks, a permanent or "
                    + "recoverable error).",
            "The URL, the HTTP status and the component statuses or errors from the body.",
            List.of("Read the collector's log for the failing component: kubectl logs <collector-pod> | grep -i error",
                    "Check the failing exporter's endpoint, credentials and TLS settings in the collector config."));

    public static final CatalogEntry HEALTH_UNAVAILABLE = new CatalogEntry("collector.health-unavailable", INFO,
            "no health_check answer at {url}",
            "Nothing answered as the health_check extension does at that URL: the extension is not enabled "
                    + "(defined under extensions: and listed in service.extensions), it listens on localhost only "
                    + "(its default since v0.104.0), the port is not exposed (Kubernetes Service, Docker -p), or "
                    + "it uses another port or path. The OTLP ports do not depend on it.",
            "The URL and what happened: connection refused, timeout, or an answer that is not the extension's.",
            List.of(EXPOSE_HEALTH,
                    "In Kubernetes, add port 13133 to the collector's Service (or probe the pod directly); with "
                            + "Docker, publish it: -p 13133:13133",
                    "If it listens elsewhere, point otlpdoctor at it: --health-url http://{host}:13133/"));

    public static final CatalogEntry TELEMETRY_READ = new CatalogEntry("collector.telemetry-read", PASS,
            "the collector's own metrics: {summary}",
            "The collector's internal metrics page answered with its receiver and exporter counters. They count "
                    + "since the collector started, across all clients.",
            "The URL, the recognised version family of the metric names, and per signal the items accepted "
                    + "and refused at the receivers and sent and failed at the exporters.",
            List.of());

    public static final CatalogEntry TELEMETRY_UNAVAILABLE = new CatalogEntry("collector.telemetry-unavailable", INFO,
            "no collector metrics at {url}",
            "The collector's own metrics could not be read there: internal telemetry listens on localhost:8888 "
                    + "by default, may be disabled (level: none) or on another port, and is rarely exposed by a "
                    + "Kubernetes Service. Without it otlpdoctor cannot tell whether data is refused or lost "
                    + "inside the collector.",
            "The URL and what happened: connection refused, timeout, HTTP status, or a page too large to read.",
            List.of(EXPOSE_METRICS,
                    "In Kubernetes, port-forward to the pod and check it there: kubectl port-forward <collector-pod> "
                            + "8888:8888 && otlpdoctor check localhost --metrics-url http://localhost:8888/metrics",
                    "If it listens elsewhere, point otlpdoctor at it: --metrics-url http://{host}:8888/metrics"));

    public static final CatalogEntry TELEMETRY_UNRECOGNISED = new CatalogEntry("collector.telemetry-unrecognised", INFO,
            "{url} does not serve an OpenTelemetry Collector's metrics",
            "The page answered, but not with Prometheus text holding a collector's receiver and exporter "
                    + "counters: another program owns the port, the URL points at another exporter's page, or the "
                    + "text is not in the Prometheus exposition format.",
            "The URL, the content type, how many lines were read, how many were not valid samples, and the first of them.",
            List.of("Look at the page yourself: curl -s {url} | head",
                    "Point otlpdoctor at the collector's own metrics: --metrics-url http://{host}:8888/metrics"));

    public static final CatalogEntry RECEIVER_REFUSING = new CatalogEntry("collector.receiver-refusing", WARN,
            "receiver {receiver} refused {refused} {items}",
            "The receiver could not push data into its pipeline, so it answered the client with an error (gRPC "
                    + "UNAVAILABLE, HTTP 503/429) and the client had to retry or drop the data. This is back-pressure: "
                    + "almost always the memory_limiter refusing data above its soft limit, or an exporter queue "
                    + "that is full. The application is not at fault.",
            "The receiver id, the signal, how many items it accepted and refused (and how many more during this "
                    + "run), and the processors' refusal counters.",
            List.of("Give the collector more memory, or raise the memory_limiter (limit_mib / limit_percentage) if "
                            + "the container limit allows it:\n  processors:\n    memory_limiter:\n"
                            + "      check_interval: 1s\n      limit_percentage: 80\n      spike_limit_percentage: 25",
                    "Find what holds the memory: a slow or failing exporter filling its queue (see "
                            + "collector.exporter-failing), or more traffic than one instance handles: scale out.",
                    "Confirm it in the collector's log (the memory_limiter logs 'Memory usage is above soft limit. "
                            + "Refusing data.'): kubectl logs <collector-pod> | grep -E 'Refusing data|Exporting failed'",
                    "Watch it: curl -s {url} | grep -E 'receiver_refused|memory_limiter'"));

    public static final CatalogEntry PROCESSOR_REFUSING = new CatalogEntry("collector.processor-refusing", WARN,
            "processor {processor} refused or dropped {count} {items}",
            "A processor refused data (the memory_limiter does so above its soft limit, and the receiver then "
                    + "refuses the client's request) or dropped it.",
            "The processor id, the signal and its refused and dropped counters.",
            List.of("For memory_limiter: give the collector more memory or raise limit_mib / limit_percentage, and "
                            + "check that exporters keep up (a full queue holds memory).",
                    "For other processors: check their configuration (filters and sampling drop data by design)."));

    public static final CatalogEntry EXPORTER_FAILING = new CatalogEntry("collector.exporter-failing", WARN,
            "exporter {exporter} failed to send {failed} {items}",
            "The collector received the data, but the exporter could not deliver it to its destination: the "
                    + "backend's endpoint is wrong or unreachable, it wants credentials, or TLS fails. The "
                    + "application side works; the data is lost (or queued for retry) between collector and backend.",
            "The exporter id, the signal, its sent and send-failed counters (and how many more failed during this run).",
            List.of("Read the exporter's errors in the collector's log: kubectl logs <collector-pod> | grep -i "
                            + "'{exporter}' (the exporter logs 'Exporting failed. Dropping data.' or 'Rejecting data.' with the cause: connection refused, 401/403, x509)",
                    "Check the exporter's endpoint, headers (API key) and tls settings in the collector config:\n"
                            + "  exporters:\n    {exporter}:\n      endpoint: <backend host:port>\n"
                            + "      headers: { authorization: \"Bearer ${env:BACKEND_TOKEN}\" }",
                    "Test the backend from the collector's network: otlpdoctor check <backend host:port>"));

    public static final CatalogEntry QUEUE_FULL = new CatalogEntry("collector.queue-full", WARN,
            "exporter {exporter}'s queue holds {size} of {capacity}",
            "The exporter's sending queue is filling up: it cannot send as fast as data arrives (a slow or failing "
                    + "backend). When it is full, new data is dropped (enqueue_failed) and the memory it holds "
                    + "makes the memory_limiter refuse data at the receivers. Full is a failure, 80% a warning.",
            "The exporter id, the queue size and capacity (in batches or requests), and enqueue failures.",
            List.of("Fix the exporter's destination first if it fails (see collector.exporter-failing).",
                    "If the backend is only slow, send more in parallel or queue more:\n  exporters:\n    {exporter}:\n"
                            + "      sending_queue:\n        num_consumers: 20\n        queue_size: 5000"));

    public static final CatalogEntry SAMPLE_ACCEPTED = new CatalogEntry("collector.sample-accepted", PASS,
            "the sample {items} were counted as accepted and no exporter failed",
            "Between the scrape before the OTLP probes and the one after, the receivers' accepted counter for the "
                    + "signal grew and no exporter's send-failed counter did: the collector took the sample into "
                    + "its pipeline. Exporters may batch, so delivery to the backend can come later.",
            "The signal, items sent, and the growth of accepted, refused and exporter send-failed counters.",
            List.of());

    public static final CatalogEntry SAMPLE_LOST = new CatalogEntry("collector.sample-lost", WARN,
            "the sample {items} were {stage}",
            "Following the sample through the collector's counters shows where it went missing: not counted at "
                    + "all (it reached another collector — another replica behind a load balancer, or the metrics "
                    + "URL belongs to another instance), refused by the receiver (back-pressure), or accepted and "
                    + "then an exporter failed to send. Counters are cumulative for all clients, so heavy traffic "
                    + "from others can blur this.",
            "The signal, items sent, and the growth of accepted, refused and exporter send-failed counters.",
            List.of("If not counted: check that the OTLP endpoint and --metrics-url reach the same collector "
                            + "instance (kubectl port-forward to one pod for both).",
                    "If refused: see collector.receiver-refusing. If an exporter failed: see collector.exporter-failing."));

    static final List<CatalogEntry> ALL = List.of(HEALTHY, STARTING, UNHEALTHY, HEALTH_UNAVAILABLE, TELEMETRY_READ,
            TELEMETRY_UNAVAILABLE, TELEMETRY_UNRECOGNISED, RECEIVER_REFUSING, PROCESSOR_REFUSING, EXPORTER_FAILING,
            QUEUE_FULL, SAMPLE_ACCEPTED, SAMPLE_LOST);
}
