package dev.otlpdoctor.target;

/**
 * Whether an OTLP/gRPC exporter uses TLS for an endpoint written without {@code http://} or
 * {@code https://}: yes, unless {@code _INSECURE} is true (specification/protocol/exporter.md; the
 * option applies to exactly this case and defaults to false).
 *
 * @param enabled whether TLS is used
 * @param reason why, in a phrase naming the variable
 */
public record SchemelessGrpcTls(boolean enabled, String reason) {

    /** @param insecure the effective {@code _INSECURE} setting (per signal, else general); {@code null} when unset */
    public static SchemelessGrpcTls of(Setting insecure) {
        if (insecure != null && insecure.value().trim().equalsIgnoreCase("true")) {
            return new SchemelessGrpcTls(false, "no scheme, " + insecure.describe() + "=" + insecure.value().trim());
        }
        String variable = insecure == null ? ExporterOption.INSECURE.variable() : insecure.describe();
        return new SchemelessGrpcTls(true, "no scheme and " + variable + " not true: gRPC defaults to TLS");
    }
}
