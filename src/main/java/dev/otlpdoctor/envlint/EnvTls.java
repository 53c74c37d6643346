package dev.otlpdoctor.envlint;

import dev.otlpdoctor.target.ExporterEndpoint;
import dev.otlpdoctor.target.ExporterOption;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.SchemelessGrpcTls;
import dev.otlpdoctor.target.SignalExporter;
import dev.otlpdoctor.target.Transport;

/**
 * Whether an exporter uses TLS, by the specification's rules: the endpoint's scheme decides
 * ({@code https} TLS, {@code http} plaintext); only a gRPC endpoint without scheme falls back to
 * {@code _INSECURE} (default false, so TLS).
 *
 * @param enabled whether TLS is used
 * @param reason why, in a phrase
 */
public record EnvTls(boolean enabled, String reason) {

    public static EnvTls of(SignalExporter signal) {
        ExporterEndpoint endpoint = signal.endpoint();
        if (endpoint == null) {
            return new EnvTls(false, "endpoint not usable");
        }
        if (endpoint.scheme().equals("https")) {
            return new EnvTls(true, "https:// scheme");
        }
        if (endpoint.scheme().equals("http")) {
            return new EnvTls(false, "http:// scheme");
        }
        Protocol protocol = signal.protocol() == null ? SignalExporter.DEFAULT_PROTOCOL : signal.protocol();
        if (protocol.transport() != Transport.GRPC) {
            return new EnvTls(false, "no scheme: not a usable OTLP/HTTP URL");
        }
        SchemelessGrpcTls tls = SchemelessGrpcTls.of(signal.option(ExporterOption.INSECURE).orElse(null));
        return new EnvTls(tls.enabled(), tls.reason());
    }
}
