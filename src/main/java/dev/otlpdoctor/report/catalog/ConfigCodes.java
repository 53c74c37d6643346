package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.INFO;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/** Codes of the collector config lint ({@code otlpdoctor lint}, {@code check --config}). */
public final class ConfigCodes {
    private ConfigCodes() {
    }

    public static final CatalogEntry RECEIVER_UNDEFINED = new CatalogEntry("config.receiver-undefined", FAIL,
            "pipeline {pipeline} uses receiver {component}, which is not defined",
            "A pipeline under service.pipelines lists a receiver that the receivers section does not define — "
                    + "typically an `otlp:` block that was commented out or removed. The collector refuses to "
                    + "start with such a config (\"references receiver ... which is not configured\"), so every "
                    + "port is refused.",
            "The pipeline, the receiver ID and where it is referenced.",
            List.of("Define the receiver under receivers, e.g. for otlp:\n"
                            + "receivers:\n  {component}:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
                            + "      http:\n        endpoint: 0.0.0.0:4318",
                    "Or remove {component} from service.pipelines.{pipeline}.receivers.",
                    "Validate before deploying: otelcol validate --config=<file> (or otlpdoctor lint <file>)."));

    public static final CatalogEntry RECEIVER_UNUSED = new CatalogEntry("config.receiver-unused", WARN,
            "receiver {component} is defined but no pipeline uses it: its ports never open",
            "The collector only starts receivers that some pipeline lists. A receiver defined under receivers "
                    + "but missing from every service.pipelines entry is silently ignored, so connections to its "
                    + "ports are refused.",
            "The receiver ID and where it is defined; the pipelines of the config.",
            List.of("Add it to the pipelines that should receive its data, e.g.\n"
                    + "service:\n  pipelines:\n    traces:\n      receivers: [{component}]",
                    "Or delete the receiver if it is not needed."));

    public static final CatalogEntry PROTOCOL_MISSING = new CatalogEntry("config.protocol-missing", FAIL,
            "otlp receiver {component} has no {missing} protocol",
            "The otlp receiver starts a gRPC server (4317) only when protocols.grpc is present and an HTTP "
                    + "server (4318) only when protocols.http is present. Without either, the collector refuses "
                    + "the config; without one of them, applications using that protocol are refused.",
            "The receiver, which protocols are configured and which are missing.",
            List.of("Add the missing protocol under the receiver, e.g.\n"
                    + "receivers:\n  {component}:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
                    + "      http:\n        endpoint: 0.0.0.0:4318"));

    public static final CatalogEntry ENDPOINT_LOCALHOST = new CatalogEntry("config.endpoint-localhost", WARN,
            "{owner} listens on {address}: only this machine can connect",
            "An endpoint of localhost or 127.0.0.1 accepts connections from the same host (or container) only. "
                    + "Since collector v0.104.0 an endpoint left unset defaults to localhost as well. Applications "
                    + "in other containers, pods or hosts get \"connection refused\".",
            "The component, its endpoint as written (or the default that applies), and the collector version assumed.",
            List.of("Listen on all interfaces (or the pod IP):\n"
                    + "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
                    + "      http:\n        endpoint: 0.0.0.0:4318",
                    "In Kubernetes, the Helm chart's form binds the pod IP: endpoint: ${env:MY_POD_IP}:4317 with "
                            + "MY_POD_IP from fieldRef status.podIP."));

    public static final CatalogEntry PORT_CONFLICT = new CatalogEntry("config.port-conflict", FAIL,
            "{owner} and {other} both listen on port {port}",
            "Two components of the config bind the same port on overlapping addresses (0.0.0.0:X overlaps "
                    + "127.0.0.1:X). The second bind fails with \"address already in use\" and the collector "
                    + "stops.",
            "Both components, their addresses and where each is configured.",
            List.of("Give one of them another port, e.g. endpoint: 0.0.0.0:<free port>.",
                    "Default ports: otlp grpc 4317, otlp http 4318, health_check 13133, pprof 1777, zpages 55679, "
                            + "internal metrics 8888."));

    public static final CatalogEntry COMPONENT_UNDEFINED = new CatalogEntry("config.component-undefined", FAIL,
            "{kind} {component} {problem}",
            "The service section references a processor, exporter, connector or extension that its section "
                    + "does not define; the collector refuses to start. An extension that is defined but not "
                    + "listed in service.extensions is not started at all (warn): its port, e.g. health_check's "
                    + "13133, stays closed.",
            "The component ID, its kind, and where it is used or defined.",
            List.of("Define {component} under {section}, or remove the reference.",
                    "For an extension, list it so the collector starts it:\nservice:\n  extensions: [{component}]"));

    public static final CatalogEntry DEPRECATED_COMPONENT = new CatalogEntry("config.deprecated-component", FAIL,
            "{what}: {change} since collector {since}",
            "The config uses a component or syntax that the collector removed or replaced. A removed component "
                    + "(the logging exporter since v0.111.0, memory_ballast since v0.109.0) makes the config "
                    + "invalid even when no pipeline uses it: the collector does not start and every port is "
                    + "refused. With --collector-version, the severity fits that release.",
            "The component, key or reference, the release that changed it, and the version assumed.",
            List.of("{replacement}",
                    "Pin the collector release you run and lint with it: otlpdoctor lint --collector-version 0.110.0 <file>"));

    public static final CatalogEntry PIPELINE_EMPTY = new CatalogEntry("config.pipeline-empty", FAIL,
            "{subject} has no {missing}",
            "Every pipeline needs at least one receiver and one exporter, and service.pipelines needs at least "
                    + "one pipeline; otherwise the collector refuses the config and does not start.",
            "The pipeline and which of its lists is empty.",
            List.of("Complete the pipeline, e.g.\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n"
                    + "      processors: [memory_limiter, batch]\n      exporters: [debug]"));

    public static final CatalogEntry ENV_UNSET = new CatalogEntry("config.env-unset", INFO,
            "{reference} is not set here: the collector would use an empty value",
            "The collector replaces ${env:NAME} and ${NAME} with the variable's value, and with an empty string "
                    + "when the variable is unset (${env:NAME:-default} gives the default instead). Lint ran "
                    + "without the variable, so it judged the config with the empty value.",
            "The reference and where it is written.",
            List.of("Make sure the collector's environment sets it (Kubernetes: env in the container spec), or "
                    + "give a default: ${env:{name}:-<value>}.",
                    "Lint with the collector's environment: {name}=<value> otlpdoctor lint <file>"));

    public static final CatalogEntry MEMORY_LIMITER_NOT_FIRST = new CatalogEntry("config.memory-limiter-not-first", WARN,
            "pipeline {pipeline}: {problem}",
            "The memory_limiter processor is meant to be the first processor of every pipeline, so that it "
                    + "refuses data before other processors buffer it; without it a traffic spike can make the "
                    + "collector run out of memory and be killed.",
            "The pipeline and its processors in order.",
            List.of("Define it and put it first:\nprocessors:\n  memory_limiter:\n    check_interval: 1s\n"
                    + "    limit_percentage: 80\n    spike_limit_percentage: 25\nservice:\n  pipelines:\n"
                    + "    {pipeline}:\n      processors: [memory_limiter, batch]"));

    public static final CatalogEntry BATCH_MISSING = new CatalogEntry("config.batch-missing", INFO,
            "pipeline {pipeline} has no batch processor",
            "Without batching, exporters send one request per incoming request: more connections, more "
                    + "overhead and more throttling by the backend. The batch processor (or the exporters' "
                    + "sending_queue batching) groups data before export.",
            "The pipeline and its processors.",
            List.of("Add batch after memory_limiter:\nprocessors:\n  batch: {}\nservice:\n  pipelines:\n"
                    + "    {pipeline}:\n      processors: [memory_limiter, batch]"));

    public static final CatalogEntry MAX_RECV_MSG_SIZE_DEFAULT = new CatalogEntry("config.max-recv-msg-size-default", INFO,
            "otlp receiver {component}: gRPC messages are limited to the default 4 MiB",
            "The gRPC server of the otlp receiver refuses messages larger than max_recv_msg_size_mib (default "
                    + "4 MiB) with RESOURCE_EXHAUSTED. Applications or collectors that send large batches "
                    + "(an agent forwarding to a gateway) hit it.",
            "The receiver and that max_recv_msg_size_mib is not set.",
            List.of("When large batches are expected, raise the limit:\nreceivers:\n  {component}:\n    protocols:\n"
                    + "      grpc:\n        endpoint: 0.0.0.0:4317\n        max_recv_msg_size_mib: 16"));

    public static final CatalogEntry INVALID_KEY = new CatalogEntry("config.invalid-key", FAIL,
            "'{key}' is not a setting of {where}{didYouMean}",
            "The collector decodes each component's settings into its Go config struct and refuses any key the "
                    + "struct does not have (\"'protocols' has invalid keys: htp\"), so a misspelt key, or a key "
                    + "written one level too high or too low, stops the collector from starting. Lint checks the "
                    + "keys against the config schemas of the components it covers (docs/lint.md), generated "
                    + "from the collector's own config structs, and names the key meant when it is a few letters "
                    + "away or belongs one level down. A key the collector removed is named with the release.",
            "The component, the key and its path, the collector's error message, and the closest valid key.",
            List.of("{fix}",
                    "Check the whole file with the release you run: otlpdoctor lint --collector-version <version> <file> "
                            + "(or otelcol validate --config=<file>)."));

    public static final CatalogEntry WRONG_TYPE = new CatalogEntry("config.wrong-type", FAIL,
            "{path}: expected {expected}, got {actual}",
            "The collector decodes the config without weak typing: a number where a string is wanted "
                    + "(endpoint: 4317, min_version: 1.2), a quoted \"true\" where a boolean is wanted, a scalar "
                    + "where a map or list of settings is wanted, or a negative number for an unsigned setting "
                    + "make it refuse the config (\"expected type 'string', got unconvertible type 'int'\").",
            "The component, the path, the type the setting takes and the YAML type written.",
            List.of("Write {path} as {expected}; quote numbers meant as text, e.g. min_version: \"1.2\"."));

    public static final CatalogEntry DURATION_UNIT = new CatalogEntry("config.duration-unit", FAIL,
            "{path}: '{value}' is not a duration with a unit",
            "Durations are parsed with Go's time.ParseDuration and need a unit (ns, us, ms, s, m, h). A quoted "
                    + "number (\"5\") or a wrong unit (5sec) makes the collector refuse the config (\"missing unit "
                    + "in duration\"); a plain number (timeout: 5) is taken as nanoseconds (warn): the collector "
                    + "starts, but a 5 ns timeout fails every export.",
            "The component, the path, the value and whether the unit is missing or invalid.",
            List.of("Give {path} a unit: 5s, 200ms, 1m30s (ns, us, ms, s, m, h)."));

    public static final CatalogEntry ENUM_VALUE = new CatalogEntry("config.enum-value", FAIL,
            "{path}: '{value}' is not one of {allowed}{didYouMean}",
            "Some settings take a fixed set of values, checked when the collector loads the config: compression "
                    + "(gzip, zstd, snappy…), the debug exporter's verbosity (basic, normal, detailed), TLS "
                    + "min_version/max_version (1.0–1.3), the otlphttp encoding (proto, json), the sending queue's "
                    + "sizer, telemetry levels. Any other value makes it refuse the config.",
            "The component, the path, the value written and the values allowed.",
            List.of("Use one of: {allowed}."));

    public static final CatalogEntry REQUIRED_MISSING = new CatalogEntry("config.required-missing", FAIL,
            "{path}: {missing} is required",
            "The component's Validate method refuses the config without this setting: an otlp exporter without "
                    + "endpoint (\"requires a non-empty endpoint\"), an otlphttp exporter without any endpoint, a "
                    + "memory_limiter without check_interval or without limit_mib/limit_percentage. The collector "
                    + "does not start.",
            "The component, the missing setting(s) and the collector's error message.",
            List.of("Set {missing} under {path}, e.g. for an exporter:\nexporters:\n  otlp:\n"
                    + "    endpoint: collector.example.com:4317"));

    public static final CatalogEntry INVALID_VALUE = new CatalogEntry("config.invalid-value", FAIL,
            "{path}: {problem}",
            "The component's Validate method compares settings and refuses values of the right type that do not "
                    + "fit together: a memory_limiter spike_limit_mib not below limit_mib (\"'spike_limit_mib' must be "
                    + "smaller than 'limit_mib'\"), spike_limit_percentage not below limit_percentage, a percentage above "
                    + "100, a health_check path that does not start with / (\"path must start with /\"). The collector "
                    + "does not start.",
            "The component, the setting, the values compared and the collector's error message.",
            List.of("{fix}"));

    public static final CatalogEntry COMPONENT_UNCHECKED = new CatalogEntry("config.component-unchecked", INFO,
            "{kind} {component}: settings not checked (no schema for type {type})",
            "Lint checks the settings of the components whose config schema it ships (docs/lint.md lists them); "
                    + "the settings of other components are not checked, so a typo there is only found by the "
                    + "collector itself.",
            "The component and its type.",
            List.of("Validate with the collector binary you deploy: otelcol-contrib validate --config=<file>."));

    /**
     * Config findings that, at {@code fail}, stop the collector from starting: every port it would open is
     * refused. A collector seen running with such a config disproves that for its own release.
     */
    public static final List<CatalogEntry> PREVENTS_START = List.of(DEPRECATED_COMPONENT, RECEIVER_UNDEFINED,
            COMPONENT_UNDEFINED, PIPELINE_EMPTY, PROTOCOL_MISSING, PORT_CONFLICT, INVALID_KEY, WRONG_TYPE,
            DURATION_UNIT, ENUM_VALUE, REQUIRED_MISSING, INVALID_VALUE);

    static final List<CatalogEntry> ALL = List.of(RECEIVER_UNDEFINED, RECEIVER_UNUSED, PROTOCOL_MISSING,
            ENDPOINT_LOCALHOST, PORT_CONFLICT, COMPONENT_UNDEFINED, DEPRECATED_COMPONENT, PIPELINE_EMPTY, ENV_UNSET,
            MEMORY_LIMITER_NOT_FIRST, BATCH_MISSING, MAX_RECV_MSG_SIZE_DEFAULT, INVALID_KEY, WRONG_TYPE, DURATION_UNIT,
            ENUM_VALUE, REQUIRED_MISSING, COMPONENT_UNCHECKED, INVALID_VALUE);
}
