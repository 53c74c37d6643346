package dev.otlpdoctor.target;

/**
 * Whether an exporter uses TLS, by the specification's rules (specification/protocol/exporter.md): the
 * endpoint's scheme decides ({@code https} TLS, {@code http} plaintext); only an OTLP/gRPC endpoint without
 * scheme falls back to {@code _INSECURE} (default false, so TLS).
 *
 * @param enabled whether TLS is used
 * @param reason why, in a phrase
 * @param byScheme whether the URL's scheme alone decided (so a probe of the URL needs no further reason)
 */
public record ExporterTls(boolean enabled, String reason, boolean byScheme) {

    static ExporterTls of(ExporterEndpoint endpoint, Protocol protocol, Setting insecure) {
        if (endpoint == null) {
            return new ExporterTls(false, "endpoint not usable", false);
        }
        if (endpoint.scheme().equals("https")) {
            return new ExporterTls(true, "https:// scheme", true);
        }
        if (endpoint.scheme().equals("http")) {
            return new ExporterTls(false, "http:// scheme", true);
        }
        if (protocol.transport() != Transport.GRPC) {
            return new ExporterTls(false, "no scheme: not a usable OTLP/HTTP URL", false);
        }
        SchemelessGrpcTls tls = SchemelessGrpcTls.of(insecure);
        return new ExporterTls(tls.enabled(), tls.reason(), false);
    }
}
