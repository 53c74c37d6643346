package dev.otlpdoctor.cli;

import dev.otlpdoctor.otlp.Header;
import dev.otlpdoctor.otlp.OtlpHeaders;
import dev.otlpdoctor.tls.TlsSettings;
import dev.otlpdoctor.tls.TlsSettings.PemFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How to talk to a collector: request headers and TLS. A mixin for every command that connects to one. */
public final class ConnectionOptions {

    @Option(names = {"-H", "--header"}, paramLabel = "NAME=VALUE",
            description = "Header sent with every export (repeatable), e.g. -H 'authorization=Bearer …'. Adds to "
                    + "OTEL_EXPORTER_OTLP_HEADERS and wins over it for the same name. Values are never printed.")
    private List<String> headers = new ArrayList<>();

    @Option(names = "--tls", description = "Use TLS even though TARGET is not https://.")
    private boolean tls;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "PEM file of the CA(s) to trust instead of the JVM's trust store."
                    + " Default: OTEL_EXPORTER_OTLP_CERTIFICATE.")
    private Path caCert;

    @Option(names = "--client-cert", paramLabel = "FILE", description = "PEM client certificate for mutual TLS."
            + " Default: OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE.")
    private Path clientCert;

    @Option(names = "--client-key", paramLabel = "FILE", description = "PKCS#8 PEM private key of --client-cert."
            + " Default: OTEL_EXPORTER_OTLP_CLIENT_KEY.")
    private Path clientKey;

    @Option(names = "--insecure-skip-verify",
            description = "Do not fail on certificate problems (they are still reported as warnings).")
    private boolean insecureSkipVerify;

    /** The headers to send: OTEL_EXPORTER_OTLP_HEADERS, then -H; bad input is exit 2. */
    public List<Header> headers(Map<String, String> env) {
        return OtlpHeaders.resolve(env, headers);
    }

    /**
     * TLS settings with the named files loaded; a missing or malformed file is exit 2. Files not given as
     * options come from the OpenTelemetry SDK's variables, so a check sees what the application would.
     */
    public TlsSettings tls(Map<String, String> env) {
        PemFile ca = file(caCert, "--ca-cert", env, "OTEL_EXPORTER_OTLP_CERTIFICATE");
        PemFile cert = file(clientCert, "--client-cert", env, "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE");
        PemFile key = file(clientKey, "--client-key", env, "OTEL_EXPORTER_OTLP_CLIENT_KEY");
        if (!tls && ca == null && cert == null && key == null && !insecureSkipVerify) {
            return TlsSettings.defaults();
        }
        return TlsSettings.load(tls, ca, cert, key, insecureSkipVerify);
    }

    private static PemFile file(Path option, String optionName, Map<String, String> env, String variable) {
        if (option != null) {
            return new PemFile(option, optionName);
        }
        String value = env.get(variable);
        return value == null || value.isBlank() ? null : new PemFile(Path.of(value.trim()), "env " + variable);
    }
}
