package dev.otlpdoctor.target;

import dev.otlpdoctor.otlp.Signal;
import java.util.Locale;

/**
 * Where an OTLP exporter sends one signal, resolved by the rules of the OpenTelemetry specification
 * (specification/protocol/exporter.md, "Endpoint URLs for OTLP/HTTP"): the base
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} gets {@code /v1/<signal>} appended for OTLP/HTTP, a per-signal
 * endpoint is used as-is (its empty path becomes {@code /}), and OTLP/gRPC ignores the path.
 *
 * @param scheme {@code http}, {@code https}, or {@code ""} when the value has none
 * @param host the host (IPv6 without brackets)
 * @param port the port, explicit or the scheme's default
 * @param path the path requests go to (OTLP/HTTP); the path as written for OTLP/gRPC
 * @param rawPath the path exactly as the variable wrote it ({@code ""} when none)
 * @param perSignal whether a per-signal variable set it (used as-is) rather than the base variable
 * @param setting the variable that set it; {@code null} when the specification's default applies
 */
public record ExporterEndpoint(String scheme, String host, int port, String path, String rawPath, boolean perSignal,
                               Setting setting) {

    /** The URL a person would compare with the collector's address; passwords and query are left out. */
    public String url() {
        String hostPort = HostPort.format(host, port);
        return (scheme.isEmpty() ? "" : scheme + "://") + hostPort + path;
    }

    public boolean tls() {
        return scheme.equals("https");
    }

    /**
     * Parses a variable's value for a signal sent with a protocol. Throws the parser's usage exception
     * when the value is not a host, host:port or http(s) URL.
     */
    static ExporterEndpoint parse(Setting setting, Signal signal, Protocol protocol, boolean perSignal) {
        String value = setting.value().trim();
        Endpoint endpoint = new TargetParser(protocol, setting.variable()).parse(value, setting.source())
                .endpoints().get(0);
        int schemeEnd = value.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rawPath = rawPath(value, schemeEnd);
        String path;
        if (protocol.transport() != Transport.HTTP) {
            path = rawPath;
        } else if (perSignal) {
            path = rawPath.isEmpty() ? "/" : rawPath;
        } else {
            path = endpoint.basePath() + signal.httpPath();
        }
        return new ExporterEndpoint(scheme, endpoint.host(), endpoint.port(), path, rawPath, perSignal, setting);
    }

    /** The specification's default: {@code http://localhost:4318} for OTLP/HTTP, {@code :4317} for gRPC. */
    static ExporterEndpoint defaultFor(Signal signal, Protocol protocol) {
        boolean grpc = protocol.transport() == Transport.GRPC;
        return new ExporterEndpoint("http", "localhost", grpc ? 4317 : 4318, grpc ? "" : signal.httpPath(), "", false,
                null);
    }

    private static String rawPath(String value, int schemeEnd) {
        if (schemeEnd < 0) {
            return "";
        }
        String rest = value.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String path = rest.substring(slash);
        int end = path.length();
        for (char c : new char[] {'?', '#'}) {
            int i = path.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return path.substring(0, end);
    }
}
