package dev.otlpdoctor.cli;

import dev.otlpdoctor.otlp.Header;
import dev.otlpdoctor.otlp.OtlpHeaders;
import dev.otlpdoctor.probe.tls.TlsSettings;
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
            description = "PEM file of the CA(s) to trust instead of the JVM's trust store.")
    private Path caCert;

    @Option(names = "--client-cert", paramLabel = "FILE", description = "PEM client certificate for mutual TLS.")
    private Path clientCert;

    @Option(names = "--client-key", paramLabel = "FILE", description = "PKCS#8 PEM private key of --client-cert.")
    private Path clientKey;

    @Option(names = "--insecure-skip-verify",
            description = "Do not fail on certificate problems (they are still reported as warnings).")
    private boolean insecureSkipVerify;

    /** The headers to send: OTEL_EXPORTER_OTLP_HEADERS, then -H; bad input is exit 2. */
    public List<Header> headers(Map<String, String> env) {
        return OtlpHeaders.resolve(env, headers);
    }

    /** TLS settings with the named files loaded; a missing or malformed file is exit 2. */
    public TlsSettings tls() {
        if (!tls && caCert == null && clientCert == null && clientKey == null && !insecureSkipVerify) {
            return TlsSettings.defaults();
        }
        return TlsSettings.load(tls, caCert, clientCert, clientKey, insecureSkipVerify);
    }
}
