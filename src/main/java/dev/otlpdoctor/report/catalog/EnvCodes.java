package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.INFO;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/**
 * Codes of {@code otlpdoctor env}: the OTLP exporter settings of an application, read from its
 * environment, a dotenv file or a Kubernetes manifest, checked against the OpenTelemetry specification
 * (specification/protocol/exporter.md and specification/configuration/).
 */
public final class EnvCodes {
    private EnvCodes() {
    }

    public static final CatalogEntry PROTOCOL_PORT_MISMATCH = new CatalogEntry("env.protocol-port-mismatch", FAIL,
            "{protocol} is used with port {port}, the OTLP/{portProtocol} port ({signal})",
            "The exporter protocol and the port disagree: by convention the collector serves OTLP/gRPC on 4317 and "
                    + "OTLP/HTTP on 4318. A gRPC client on the HTTP port fails with an HTTP/2 or "
                    + "'Unavailable' error; an HTTP client on the gRPC port gets a malformed response. When no "
                    + "_PROTOCOL variable is set, the specification's default is http/protobuf, but some SDKs "
                    + "and agents default to grpc, so the same settings behave differently per language.",
            "The effective protocol with the variable that set it (or the default), and the endpoint's port.",
            List.of("Make protocol and port agree, e.g. {fixProtocol}",
                    "Or keep the protocol and use its port: {fixEndpoint}",
                    "Always set OTEL_EXPORTER_OTLP_PROTOCOL explicitly: SDK defaults differ."));

    public static final CatalogEntry PROTOCOL_INVALID = new CatalogEntry("env.protocol-invalid", FAIL,
            "{variable}='{value}' is not an OTLP protocol",
            "The specification allows exactly grpc, http/protobuf and http/json. SDKs reject other values, "
                    + "or ignore them and fall back to their default.",
            "The variable and its value (protocol values are not secret).",
            List.of("Set {variable} to grpc (port 4317) or http/protobuf (port 4318)."));

    public static final CatalogEntry ENDPOINT_INVALID = new CatalogEntry("env.endpoint-invalid", FAIL,
            "{variable} is not a usable endpoint: {reason}",
            "The endpoint cannot be parsed as the URL the exporter needs. OTLP/HTTP exporters need an "
                    + "http:// or https:// URL; most SDKs refuse to start the exporter otherwise, so nothing is sent.",
            "The variable, where it was set, and what is wrong with it.",
            List.of("Write the endpoint as a URL with scheme, host and port, e.g. "
                    + "{variable}=http://otel-collector:4318 (or :4317 with OTEL_EXPORTER_OTLP_PROTOCOL=grpc)."));

    public static final CatalogEntry SCHEME_MISSING = new CatalogEntry("env.scheme-missing", WARN,
            "{variable} has no http:// or https:// scheme",
            "Without a scheme, whether the gRPC exporter uses TLS depends on ..._INSECURE, whose default is "
                    + "false: most SDKs then connect with TLS, and a plaintext collector port fails the handshake. "
                    + "Some SDKs reject a scheme-less endpoint outright.",
            "The variable and where it was set.",
            List.of("Write the scheme: {variable}=http://{hostPort} for a plaintext receiver, "
                    + "https://{hostPort} when the receiver has TLS configured."));

    public static final CatalogEntry BASE_PATH_DOUBLED = new CatalogEntry("env.base-path-doubled", FAIL,
            "the base endpoint already ends in a signal path: requests go to {path}",
            "OTEL_EXPORTER_OTLP_ENDPOINT is a base URL: for OTLP/HTTP the SDK appends /v1/traces, /v1/metrics "
                    + "and /v1/logs to it. A base that already ends in a signal path makes every request go to "
                    + "a path like /v1/traces/v1/traces, which the collector answers with 404.",
            "The base endpoint's path and the resulting per-signal path.",
            List.of("Remove the signal path from the base: OTEL_EXPORTER_OTLP_ENDPOINT={fixedBase}",
                    "Or set the full URL per signal, used as-is: {perSignalVariable}={url}"));

    public static final CatalogEntry SIGNAL_PATH_MISSING = new CatalogEntry("env.signal-path-missing", WARN,
            "{variable} posts {signal} to {path}, not {expectedPath}",
            "A per-signal endpoint is used as-is: the SDK does not append /v1/<signal> to it (an empty path "
                    + "becomes /). The collector's OTLP/HTTP receiver serves {expectedPath} by default, so "
                    + "requests to another path get 404 unless the receiver's *_url_path was changed.",
            "The per-signal variable, its path and the path the collector expects.",
            List.of("Give the full path: {variable}={fixedUrl}",
                    "Or set only the base URL and let the SDK append the path: OTEL_EXPORTER_OTLP_ENDPOINT={base}"));

    public static final CatalogEntry INSECURE_IGNORED = new CatalogEntry("env.insecure-ignored", WARN,
            "{variable}={value} is ignored: {reason}",
            "The specification applies ..._INSECURE only to OTLP/gRPC endpoints written without a scheme; "
                    + "an http:// scheme always means plaintext and https:// always means TLS, whatever "
                    + "_INSECURE says. A setting that contradicts the scheme suggests the scheme is not what was meant.",
            "The _INSECURE variable, its value and the endpoint's scheme and protocol.",
            List.of("Let the scheme decide: http:// for a plaintext receiver, https:// for TLS; remove {variable}."));

    public static final CatalogEntry TLS_SETTINGS_UNUSED = new CatalogEntry("env.tls-settings-unused", WARN,
            "{variable} is set but the endpoint uses no TLS ({signal})",
            "A certificate or client key is configured, yet the endpoint uses plaintext (http:// or _INSECURE=true), "
                    + "so the file is never used. Either TLS was intended and the scheme is wrong, or the "
                    + "setting is left over.",
            "The TLS variable and the endpoint's scheme.",
            List.of("If the receiver has TLS: use https:// in the endpoint.",
                    "If not: remove {variable}."));

    public static final CatalogEntry HEADERS_INVALID = new CatalogEntry("env.headers-invalid", FAIL,
            "{variable} is malformed: {reason}",
            "Exporter headers are a comma-separated list of key=value pairs in W3C Baggage format, values "
                    + "URL-encoded. SDKs drop a malformed list or entry (often with only a log line), so an "
                    + "Authorization header silently goes missing and the backend answers 401.",
            "The variable, the position of the bad entry and the header names (values are never printed).",
            List.of("Write key=value pairs separated by commas, URL-encoding special characters in values: "
                    + "{variable}=authorization=Bearer%20<token>,x-tenant=<name>",
                    "A space becomes %20, a comma %2C, '=' inside a value %3D."));

    public static final CatalogEntry FILE_UNREADABLE = new CatalogEntry("env.file-unreadable", FAIL,
            "{variable} names {path}, which {reason}",
            "The exporter loads certificates and keys from these files when it starts; a missing or unreadable "
                    + "file makes TLS set-up fail, and the SDK exports nothing.",
            "The variable, the path and what the file system said. Paths are checked on this machine.",
            List.of("Check the path and permissions where the application runs: ls -l {path}",
                    "In Kubernetes, mount the Secret that holds it and point the variable at the mount path."));

    public static final CatalogEntry MTLS_INCOMPLETE = new CatalogEntry("env.mtls-incomplete", WARN,
            "{present} is set without {missing}",
            "Client authentication (mTLS) needs both the client certificate and its private key; with only one "
                    + "the SDK either fails to build the TLS context or connects without a client certificate.",
            "Which of the two variables is set.",
            List.of("Set both OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE and OTEL_EXPORTER_OTLP_CLIENT_KEY (PEM files), "
                    + "or neither."));

    public static final CatalogEntry TIMEOUT_INVALID = new CatalogEntry("env.timeout-invalid", WARN,
            "{variable}='{value}' is not a timeout in milliseconds",
            "The specification defines exporter timeouts as a non-negative integer number of milliseconds; "
                    + "an SDK ignores any other value with a warning and keeps its default (10 s). Some SDKs "
                    + "accept units such as 10s, others do not.",
            "The variable and its value.",
            List.of("Write milliseconds: {variable}=10000"));

    public static final CatalogEntry TIMEOUT_SHORT = new CatalogEntry("env.timeout-short", WARN,
            "{variable}={value} is only {value} ms",
            "Exporter timeouts are in milliseconds. A very small value (here below 100 ms) was most likely "
                    + "meant as seconds; exports then time out before a remote collector can answer.",
            "The variable and its value.",
            List.of("Write milliseconds: {variable}={suggested}"));

    public static final CatalogEntry COMPRESSION_INVALID = new CatalogEntry("env.compression-invalid", WARN,
            "{variable}='{value}' is not gzip or none",
            "The specification defines gzip and none as compression values; an SDK ignores or rejects others.",
            "The variable and its value.",
            List.of("Set {variable}=gzip or {variable}=none."));

    public static final CatalogEntry BOOLEAN_INVALID = new CatalogEntry("env.boolean-invalid", WARN,
            "{variable}='{value}' is read as false",
            "Boolean variables are true only for the case-insensitive string 'true'; every other value, such "
                    + "as 1 or yes, means false.",
            "The variable and its value.",
            List.of("Write {variable}=true or {variable}=false."));

    public static final CatalogEntry SDK_DISABLED = new CatalogEntry("env.sdk-disabled", FAIL,
            "OTEL_SDK_DISABLED=true: the SDK exports nothing",
            "With OTEL_SDK_DISABLED=true an SDK that honours it installs no-op providers for every signal, so no "
                    + "telemetry is produced or exported, whatever the exporter settings say.",
            "The variable and where it was set.",
            List.of("Remove OTEL_SDK_DISABLED (or set it to false) where the application starts."));

    public static final CatalogEntry SIGNAL_DISABLED = new CatalogEntry("env.signal-disabled", WARN,
            "{variable}={value}: {signal} not exported over OTLP",
            "OTEL_TRACES_EXPORTER, OTEL_METRICS_EXPORTER and OTEL_LOGS_EXPORTER choose the exporter per signal "
                    + "(default otlp). 'none' disables the signal; another exporter (console, zipkin, prometheus) "
                    + "means the OTLP settings do not apply to it.",
            "The exporter variable and its value.",
            List.of("To export {signal} over OTLP: {variable}=otlp (or remove the variable)."));

    public static final CatalogEntry CONFIG_FILE_OVERRIDES = new CatalogEntry("env.config-file-overrides", WARN,
            "{variable} is set: the SDK ignores the OTEL_EXPORTER_OTLP_* variables",
            "With declarative configuration (OTEL_CONFIG_FILE, formerly OTEL_EXPERIMENTAL_CONFIG_FILE) an SDK "
                    + "configures itself from that file and must ignore the other environment variables, except "
                    + "those the file references as ${VAR}. The endpoints shown here are then not what the "
                    + "application uses.",
            "The variable, the file it names and where it was set.",
            List.of("Check the exporter endpoint in {path} (exporter.otlp_http.endpoint / otlp_grpc.endpoint), "
                    + "or reference the variables from the file: endpoint: ${OTEL_EXPORTER_OTLP_ENDPOINT}",
                    "Or unset {variable} to configure the SDK from the environment again."));

    public static final CatalogEntry LOCALHOST_IN_CONTAINER = new CatalogEntry("env.localhost-in-container", WARN,
            "the endpoint host {host} is the container itself ({signal})",
            "In a container (or a Kubernetes pod), localhost and 127.0.0.1 are the container's own network "
                    + "namespace. Unless the collector runs in the same pod as a sidecar, nothing listens "
                    + "there and the exporter is refused.",
            "The endpoint's host and why otlpdoctor believes the application runs in a container.",
            List.of("Kubernetes: use the collector Service's name, e.g. "
                    + "http://otel-collector.observability.svc.cluster.local:{port}",
                    "Docker Compose: use the collector's service name, e.g. http://otel-collector:{port} "
                            + "(both containers on the same Compose network).",
                    "Docker, collector on the host: http://host.docker.internal:{port} "
                            + "(Linux: add --add-host=host.docker.internal:host-gateway)."));

    public static final CatalogEntry LEGACY_PORT = new CatalogEntry("env.legacy-port", WARN,
            "port {port} is a legacy OTLP port ({signal})",
            "Ports 55680 (gRPC) and 55681 (HTTP) were used by early collector versions and old charts; "
                    + "current collectors serve OTLP on 4317 and 4318 only.",
            "The endpoint's port.",
            List.of("Use the current port: {fixEndpoint}"));

    public static final CatalogEntry VALUE_UNRESOLVED = new CatalogEntry("env.value-unresolved", INFO,
            "{variable} comes from {reference}: not known offline",
            "The manifest sets the variable from a Secret, a ConfigMap or a pod field (valueFrom / envFrom). "
                    + "Its value exists only in the cluster, so the settings that depend on it are not checked.",
            "The variable and the reference it is set from (never the value).",
            List.of("Look at the value the pod really gets: kubectl exec <pod> -- printenv {variable}",
                    "Or run otlpdoctor env inside the pod, where the variable is resolved."));

    public static final CatalogEntry UNKNOWN_VARIABLE = new CatalogEntry("env.unknown-variable", WARN,
            "{variable} is not an OTLP exporter variable{suggestion}",
            "The specification defines OTEL_EXPORTER_OTLP_<OPTION> and OTEL_EXPORTER_OTLP_<SIGNAL>_<OPTION> with "
                    + "SIGNAL one of TRACES, METRICS, LOGS. A misspelt name (TRACE instead of TRACES, ENDPIONT) "
                    + "is ignored without any error, so the default applies instead.",
            "The variable name and where it was set.",
            List.of("Rename the variable to the one the specification defines{suggestionStep}."));

    public static final CatalogEntry ENDPOINT_DEFAULT = new CatalogEntry("env.endpoint-default", INFO,
            "no endpoint set for {signal}: the default {url} applies",
            "Without OTEL_EXPORTER_OTLP_ENDPOINT or the per-signal variable, the SDK sends to localhost on the "
                    + "port of its protocol. That works only when a collector runs on the same host (or as a sidecar).",
            "Which endpoint variables were looked for.",
            List.of("Set the collector's address: OTEL_EXPORTER_OTLP_ENDPOINT=http://<collector-host>:4318 "
                    + "(OTLP/HTTP) or :4317 with OTEL_EXPORTER_OTLP_PROTOCOL=grpc."));

    static final List<CatalogEntry> ALL = List.of(PROTOCOL_PORT_MISMATCH, PROTOCOL_INVALID, ENDPOINT_INVALID,
            SCHEME_MISSING, BASE_PATH_DOUBLED, SIGNAL_PATH_MISSING, INSECURE_IGNORED, TLS_SETTINGS_UNUSED,
            HEADERS_INVALID, FILE_UNREADABLE, MTLS_INCOMPLETE, TIMEOUT_INVALID, TIMEOUT_SHORT, COMPRESSION_INVALID,
            BOOLEAN_INVALID, SDK_DISABLED, SIGNAL_DISABLED, CONFIG_FILE_OVERRIDES, LOCALHOST_IN_CONTAINER, LEGACY_PORT,
            VALUE_UNRESOLVED, UNKNOWN_VARIABLE, ENDPOINT_DEFAULT);
}
