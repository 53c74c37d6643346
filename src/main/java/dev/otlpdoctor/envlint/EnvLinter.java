package dev.otlpdoctor.envlint;

import dev.otlpdoctor.otlp.HeaderProblem;
import dev.otlpdoctor.otlp.OtlpHeaders;
import dev.otlpdoctor.otlp.ParsedHeaders;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.EditDistance;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.EnvCodes;
import dev.otlpdoctor.target.ExporterEndpoint;
import dev.otlpdoctor.target.ExporterOption;
import dev.otlpdoctor.target.ExporterProblem;
import dev.otlpdoctor.target.HostPort;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Setting;
import dev.otlpdoctor.target.SignalExporter;
import dev.otlpdoctor.target.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Checks an application's OTLP exporter settings against the OpenTelemetry specification. A problem
 * caused by one variable is reported once, naming every signal it affects.
 */
public final class EnvLinter {
    private static final List<String> CONFIG_FILE_VARIABLES = List.of("OTEL_CONFIG_FILE", "OTEL_EXPERIMENTAL_CONFIG_FILE");
    /** Obsolete names the specification still asks SDKs to honour. */
    private static final List<String> OBSOLETE_VARIABLES = List.of("OTEL_EXPORTER_OTLP_SPAN_INSECURE",
            "OTEL_EXPORTER_OTLP_METRIC_INSECURE");
    private static final int SHORT_TIMEOUT_MS = 100;

    private final EnvInput input;
    private final TlsFileCheck files;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    public EnvLinter(EnvInput input, TlsFileCheck files) {
        this.input = input;
        this.files = files;
    }

    public List<Finding> lint(List<SignalExporter> signals) {
        lintSdk();
        lintVariableNames();
        input.settings().unresolved().values().forEach(s -> report(EnvCodes.VALUE_UNRESOLVED, s, null, b -> b
                        .evidence("reference", s.value())));
        for (SignalExporter signal : signals) {
            lintSignal(signal);
        }
        List<Finding> findings = new ArrayList<>();
        pending.values().forEach(p -> findings.add(p.build()));
        return findings;
    }

    private void lintSdk() {
        input.settings().get("OTEL_SDK_DISABLED").ifPresent(s -> {
            if (s.value().trim().equalsIgnoreCase("true")) {
                report(EnvCodes.SDK_DISABLED, s, null, b -> b
                        .detail("OTEL_SDK_DISABLED is 'true' (set in " + s.source().name() + ")."));
            } else {
                lintBoolean(s);
            }
        });
        for (String variable : CONFIG_FILE_VARIABLES) {
            input.settings().get(variable).ifPresent(s -> report(EnvCodes.CONFIG_FILE_OVERRIDES, s, null,
                    b -> b.evidence("path", s.value().trim())));
        }
    }

    private void lintVariableNames() {
        List<String> known = knownVariables();
        List<Setting> named = new ArrayList<>(input.settings().all());
        named.addAll(input.settings().unresolved().values());
        for (Setting s : named) {
            String name = s.variable();
            if (!name.startsWith("OTEL_EXPORTER_OTLP_") || known.contains(name)) {
                continue;
            }
            Optional<String> closest = closest(name, known);
            report(EnvCodes.UNKNOWN_VARIABLE, s, null, b -> b
                    .param("suggestion", closest.map(c -> " (did you mean " + c + "?)").orElse(""))
                    .param("suggestionStep", closest.map(c -> ": " + c).orElse(""))
                    .evidence("closest", closest.orElse("")));
        }
    }

    private void lintSignal(SignalExporter signal) {
        Signal sig = signal.signal();
        if (!signal.otlpEnabled()) {
            Setting exporter = signal.exporter();
            report(EnvCodes.SIGNAL_DISABLED, exporter, sig, b -> b
                    .evidence("value", exporter.value().trim()));
            return;
        }
        signal.problem(ExporterOption.PROTOCOL).ifPresent(p -> report(EnvCodes.PROTOCOL_INVALID, p.setting(), sig,
                b -> b.evidence("value", p.setting().value().trim())));
        Protocol protocol = signal.effectiveProtocol();
        ExporterEndpoint endpoint = signal.endpoint();
        if (endpoint == null) {
            ExporterProblem bad = signal.problem(ExporterOption.ENDPOINT).orElseThrow();
            report(EnvCodes.ENDPOINT_INVALID, bad.setting(), sig, b -> b
                    .evidence("reason", reasonOf(bad.message(), bad.setting())));
            return;
        }
        if (endpoint.setting() == null) {
            report(EnvCodes.ENDPOINT_DEFAULT, null, sig, b -> b
                    .param("url", stripUrlPath(endpoint)));
        } else {
            lintEndpoint(signal, endpoint, protocol);
        }
        lintLocalhost(sig, endpoint, protocol);
        lintInsecure(signal, endpoint);
        lintTlsFiles(signal, signal.tls().enabled());
        signal.option(ExporterOption.HEADERS).ifPresent(h -> lintHeaders(h, sig));
        signal.option(ExporterOption.TIMEOUT).ifPresent(t -> lintTimeout(t, sig));
        signal.option(ExporterOption.COMPRESSION).ifPresent(c -> {
            String value = c.value().trim().toLowerCase(Locale.ROOT);
            if (!value.equals("gzip") && !value.equals("none")) {
                report(EnvCodes.COMPRESSION_INVALID, c, sig, b -> b
                        .evidence("value", c.value().trim()));
            }
        });
    }

    private void lintEndpoint(SignalExporter signal, ExporterEndpoint endpoint, Protocol protocol) {
        Signal sig = signal.signal();
        Setting setting = endpoint.setting();
        boolean http = protocol.transport() == Transport.HTTP;
        if (endpoint.scheme().isEmpty()) {
            if (http) {
                report(EnvCodes.ENDPOINT_INVALID, setting, sig, b -> b
                        .evidence("reason", "OTLP/HTTP (" + protocol.value() + ") needs an http:// or https:// URL"));
            } else {
                report(EnvCodes.SCHEME_MISSING, setting, sig, b -> b
                        .param("hostPort", HostPort.format(endpoint.host(), endpoint.port())));
            }
        }
        Transport byPort = Transport.conventionalFor(endpoint.port());
        if (byPort != Transport.UNKNOWN && byPort != protocol.transport()) {
            Optional<Setting> protocolSetting = signal.option(ExporterOption.PROTOCOL);
            String protocolVariable = protocolSetting.map(Setting::variable).orElse(ExporterOption.PROTOCOL.variable());
            String rightProtocol = byPort == Transport.GRPC ? "grpc" : "http/protobuf";
            int protocolPort = protocol.transport() == Transport.GRPC ? 4317 : 4318;
            Setting about = protocolSetting.orElse(setting);
            report(EnvCodes.PROTOCOL_PORT_MISMATCH, about, sig, b -> b
                    .severity(protocolSetting.isPresent() ? Severity.FAIL : Severity.WARN)
                    .evidence("protocol", protocol.value() + (protocolSetting.isPresent() ? "" : " (default: no _PROTOCOL set)"))
                    .evidence("port", endpoint.port())
                    .evidence("endpointVariable", setting.describe())
                    .param("portProtocol", byPort == Transport.GRPC ? "gRPC" : "HTTP")
                    .param("fixProtocol", protocolVariable + "=" + rightProtocol)
                    .param("fixEndpoint", setting.variable() + "=" + withPort(endpoint, protocolPort))
                    .detail(protocolSetting.isPresent() ? ""
                            : "No _PROTOCOL variable is set, so the specification's default http/protobuf was assumed; "
                                    + "an SDK that defaults to grpc would match the port."));
        }
        if (legacy(endpoint.port())) {
            int current = endpoint.port() == 55680 ? 4317 : 4318;
            report(EnvCodes.LEGACY_PORT, setting, sig, b -> b
                    .evidence("port", endpoint.port())
                    .param("fixEndpoint", setting.variable() + "=" + withPort(endpoint, current)));
        }
        if (!http) {
            return;
        }
        String path = endpoint.rawPath().endsWith("/")
                ? endpoint.rawPath().substring(0, endpoint.rawPath().length() - 1) : endpoint.rawPath();
        if (!endpoint.perSignal()) {
            for (Signal other : Signal.values()) {
                if (path.endsWith(other.httpPath())) {
                    String base = stripUrlPath(endpoint) + path.substring(0, path.length() - other.httpPath().length());
                    report(EnvCodes.BASE_PATH_DOUBLED, setting, sig, b -> b
                            .evidence("path", endpoint.path())
                            .param("fixedBase", base)
                            .param("perSignalVariable", ExporterOption.ENDPOINT.variable(sig))
                            .param("url", stripUrlPath(endpoint) + path));
                    break;
                }
            }
        } else if (!endpoint.path().endsWith(sig.httpPath())) {
            String prefix = path.endsWith("/v1") ? path.substring(0, path.length() - 3) : path;
            report(EnvCodes.SIGNAL_PATH_MISSING, setting, sig, b -> b
                    .evidence("path", endpoint.path())
                    .evidence("expectedPath", sig.httpPath())
                    .param("fixedUrl", stripUrlPath(endpoint) + prefix + sig.httpPath())
                    .param("base", stripUrlPath(endpoint) + prefix));
        }
    }

    private void lintLocalhost(Signal sig, ExporterEndpoint endpoint, Protocol protocol) {
        String host = endpoint.host().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("::1");
        if (!loopback || !input.where().known() || !input.where().inContainer()) {
            return;
        }
        int port = protocol.transport() == Transport.GRPC ? 4317 : 4318;
        report(EnvCodes.LOCALHOST_IN_CONTAINER, endpoint.setting(), sig, b -> b
                .evidence("host", endpoint.host())
                .evidence("container", input.where().reason())
                .param("port", port));
    }

    /** {@code _INSECURE} must be a boolean and agree with the endpoint's scheme, which overrides it. */
    private void lintInsecure(SignalExporter signal, ExporterEndpoint endpoint) {
        Optional<Setting> insecure = signal.option(ExporterOption.INSECURE);
        insecure.ifPresent(this::lintBoolean);
        boolean insecureTrue = insecure.map(s -> s.value().trim().equalsIgnoreCase("true")).orElse(false);
        String scheme = endpoint.scheme();
        if (insecure.isPresent() && !scheme.isEmpty()) {
            String reason = null;
            if (scheme.equals("https") && insecureTrue) {
                reason = "the https:// scheme means TLS";
            } else if (scheme.equals("http") && !insecureTrue) {
                reason = "the http:// scheme means plaintext, not TLS";
            }
            if (reason != null) {
                String why = reason;
                Setting s = insecure.get();
                report(EnvCodes.INSECURE_IGNORED, s, signal.signal(), b -> b
                        .evidence("value", s.value().trim())
                        .evidence("reason", why));
            }
        }
    }

    private void lintTlsFiles(SignalExporter signal, boolean tls) {
        List<ExporterOption> tlsOptions = List.of(ExporterOption.CERTIFICATE, ExporterOption.CLIENT_CERTIFICATE,
                ExporterOption.CLIENT_KEY);
        for (ExporterOption option : tlsOptions) {
            Optional<Setting> setting = signal.option(option);
            if (setting.isEmpty()) {
                continue;
            }
            Setting s = setting.get();
            if (!tls) {
                report(EnvCodes.TLS_SETTINGS_UNUSED, s, signal.signal(), b -> b);
            }
            if (input.filesOnThisMachine()) {
                files.problem(s.value().trim(), option == ExporterOption.CLIENT_KEY).ifPresent(problem ->
                        report(EnvCodes.FILE_UNREADABLE, s, signal.signal(), b -> b
                                .evidence("path", s.value().trim())
                                .evidence("reason", problem)));
            }
        }
        Optional<Setting> cert = signal.option(ExporterOption.CLIENT_CERTIFICATE);
        Optional<Setting> key = signal.option(ExporterOption.CLIENT_KEY);
        if (cert.isPresent() != key.isPresent()) {
            Setting present = cert.orElseGet(key::get);
            String missing = cert.isPresent() ? "a client key (OTEL_EXPORTER_OTLP_CLIENT_KEY)"
                    : "a client certificate (OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE)";
            report(EnvCodes.MTLS_INCOMPLETE, present, signal.signal(), b -> b
                    .param("present", present.variable())
                    .evidence("missing", missing));
        }
    }

    private void lintHeaders(Setting headers, Signal sig) {
        ParsedHeaders parsed = OtlpHeaders.parseList(headers.value(), "env " + OtlpHeaders.ENV);
        if (parsed.problems().isEmpty()) {
            return;
        }
        // A raw space in a value is accepted by many SDKs: a warning; anything else is refused.
        report(EnvCodes.HEADERS_INVALID, headers, sig, b -> b
                .severity(parsed.onlyLenientProblems() ? Severity.WARN : Severity.FAIL)
                .evidence("reason", String.join("; ", parsed.problems().stream().map(HeaderProblem::message).toList()))
                .evidence("headerNames", parsed.names()));
    }

    private void lintTimeout(Setting timeout, Signal sig) {
        String value = timeout.value().trim();
        long millis;
        try {
            millis = value.chars().allMatch(Character::isDigit) ? Long.parseLong(value) : -1;
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 0) {
            report(EnvCodes.TIMEOUT_INVALID, timeout, sig, b -> b.evidence("value", value));
        } else if (millis > 0 && millis < SHORT_TIMEOUT_MS) {
            long ms = millis;
            report(EnvCodes.TIMEOUT_SHORT, timeout, sig, b -> b
                    .evidence("value", ms)
                    .param("suggested", ms * 1000));
        }
    }

    private void lintBoolean(Setting s) {
        String value = s.value().trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            report(EnvCodes.BOOLEAN_INVALID, s, null, b -> b.evidence("value", value));
        }
    }

    /**
     * Records a finding once per code and variable; each further signal it affects is added to it.
     * {@code details} adds the finding's own evidence and parameters to the code's builder.
     *
     * @param setting the variable responsible, or {@code null} for a default
     * @param signal the affected signal, or {@code null} for a finding about the SDK as a whole
     */
    private void report(CatalogEntry code, Setting setting, Signal signal,
                        UnaryOperator<Finding.Builder> details) {
        String key = code.code() + "|" + (setting == null ? "" : setting.variable());
        pending.computeIfAbsent(key, k -> new Pending(code, setting, details)).signals.add(signal);
    }

    private static final class Pending {
        private final CatalogEntry code;
        private final Setting setting;
        private final UnaryOperator<Finding.Builder> finding;
        private final List<Signal> signals = new ArrayList<>();

        Pending(CatalogEntry code, Setting setting, UnaryOperator<Finding.Builder> finding) {
            this.code = code;
            this.setting = setting;
            this.finding = finding;
        }

        Finding build() {
            List<Signal> affected = signals.stream().filter(s -> s != null).distinct().toList();
            Finding.Builder builder = finding.apply(code.finding())
                    .param("signal", signalsText(affected));
            if (!affected.isEmpty()) {
                builder.evidence("signals", affected.stream().map(Signal::label).toList());
            }
            String label = "defaults";
            if (setting != null) {
                builder.evidence("variable", setting.variable())
                        .evidence("source", setting.source().kind() + " " + setting.source().name());
                label = setting.variable();
            }
            return builder.build().attributedTo("env", label);
        }
    }

    static String signalsText(List<Signal> signals) {
        List<String> labels = signals.stream().map(Signal::label).toList();
        if (labels.isEmpty()) {
            return "telemetry";
        }
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }

    private static boolean legacy(int port) {
        return port == 55680 || port == 55681;
    }

    private static String withPort(ExporterEndpoint endpoint, int port) {
        return (endpoint.scheme().isEmpty() ? "http" : endpoint.scheme()) + "://"
                + HostPort.format(endpoint.host(), port) + endpoint.rawPath();
    }

    private static String stripUrlPath(ExporterEndpoint endpoint) {
        return (endpoint.scheme().isEmpty() ? "http" : endpoint.scheme()) + "://"
                + HostPort.format(endpoint.host(), endpoint.port());
    }

    /** The parser's message without its "VARIABLE 'value': " prefix, which the finding already names. */
    private static String reasonOf(String error, Setting setting) {
        String prefix = setting.variable() + " '" + setting.value().trim() + "': ";
        return error.startsWith(prefix) ? error.substring(prefix.length()) : error;
    }

    private static List<String> knownVariables() {
        List<String> known = new ArrayList<>(OBSOLETE_VARIABLES);
        for (ExporterOption option : ExporterOption.values()) {
            known.add(option.variable());
            for (Signal signal : Signal.values()) {
                known.add(option.variable(signal));
            }
        }
        return known;
    }

    private static Optional<String> closest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = EditDistance.between(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= 3 ? Optional.of(best) : Optional.empty();
    }
}
