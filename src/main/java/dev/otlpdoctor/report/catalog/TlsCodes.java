package dev.otlpdoctor.report.catalog;

import static dev.otlpdoctor.report.Severity.FAIL;
import static dev.otlpdoctor.report.Severity.INFO;
import static dev.otlpdoctor.report.Severity.PASS;
import static dev.otlpdoctor.report.Severity.WARN;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.List;

/** Codes of the TLS probe: does the port speak TLS, and would the application trust its certificate. */
public final class TlsCodes {
    private TlsCodes() {
    }

    private static final String SERVER_TLS_BLOCK = "On the collector, TLS is the tls: block of the receiver: "
            + "receivers: {otlp: {protocols: {grpc: {endpoint: 0.0.0.0:4317, tls: {cert_file: /certs/server.crt, "
            + "key_file: /certs/server.key}}}}} (the same under http: for 4318).";

    public static final CatalogEntry TLS_PLAINTEXT = new CatalogEntry("tls.plaintext", PASS,
            "plaintext on port {port}, as the client expects",
            "The server answered a TLS ClientHello with something that is not TLS, and the client side "
                    + "(http:// or a bare host:port, no --tls) does not ask for TLS either.",
            "What the server sent back instead of a TLS ServerHello.",
            List.of());

    public static final CatalogEntry TLS_OK = new CatalogEntry("tls.ok", PASS,
            "TLS ({tlsVersion}): certificate for {subject} is trusted, valid until {notAfter}",
            "The TLS handshake completed and the server's certificate chain is trusted, unexpired and valid for "
                    + "the host name the client uses.",
            "TLS version, ALPN protocol, the certificate's subject, issuer, names and validity, and where trust came from.",
            List.of());

    public static final CatalogEntry TLS_MISMATCH = new CatalogEntry("tls.mismatch", FAIL,
            "the client uses {client} but the server speaks {server}",
            "One side speaks TLS and the other plaintext. A plaintext client on a TLS port gets its request "
                    + "rejected or the connection closed (SDKs report UNAVAILABLE, 'connection reset' or an "
                    + "HTTP 400); a TLS client on a plaintext port fails its handshake ('first record does not "
                    + "look like a TLS handshake', 'Unsupported or unrecognized SSL message').",
            "Whether the server answered a TLS ClientHello, and whether the client side asked for TLS "
                    + "(https:// target or --tls).",
            List.of("Make both sides agree. If the collector should use TLS: point the application at "
                            + "https://{host}:{port} (OTEL_EXPORTER_OTLP_ENDPOINT=https://{host}:{port}, and for gRPC "
                            + "OTEL_EXPORTER_OTLP_INSECURE=false) and give it the CA that signed the collector's "
                            + "certificate: OTEL_EXPORTER_OTLP_CERTIFICATE=/path/to/ca.pem.",
                    "If the collector should be plaintext: use http://{host}:{port} in the application "
                            + "(OTEL_EXPORTER_OTLP_ENDPOINT=http://{host}:{port}, for gRPC also "
                            + "OTEL_EXPORTER_OTLP_INSECURE=true) and remove the tls: block from the receiver's "
                            + "protocol in the collector config.",
                    SERVER_TLS_BLOCK,
                    "Check again with the matching client side: otlpdoctor check https://{host}:{port} --ca-cert ca.pem "
                            + "(or http://{host}:{port})"));

    public static final CatalogEntry TLS_UNTRUSTED = new CatalogEntry("tls.untrusted", FAIL,
            "the certificate of {host}:{port} is not trusted: issued by {issuer}",
            "The server's certificate chain does not lead to a CA the client trusts: a self-signed certificate, "
                    + "a private CA the application was not given, or a server that omits its intermediate "
                    + "certificates.",
            "The chain's subjects and issuers, the trust source (--ca-cert or the JVM store) and the verifier's message.",
            List.of("Give the application the CA that signed the collector's certificate: "
                            + "OTEL_EXPORTER_OTLP_CERTIFICATE=/path/to/ca.pem (check it with: otlpdoctor check "
                            + "https://{host}:{port} --ca-cert /path/to/ca.pem)",
                    "If the collector sends only its own certificate, make cert_file hold the full chain "
                            + "(server certificate first, then intermediates) in the receiver's tls: block.",
                    "Inspect what the server sends: openssl s_client -connect {host}:{port} -showcerts </dev/null"));

    public static final CatalogEntry TLS_EXPIRED = new CatalogEntry("tls.expired", FAIL,
            "the certificate of {host}:{port} is not valid now: valid from {notBefore} until {notAfter}",
            "A certificate of the chain has expired (or is not valid yet: a wrong clock on one side). Clients "
                    + "refuse it during the handshake.",
            "The certificate's subject and validity period, and this machine's clock.",
            List.of("Renew the collector's certificate and point the receiver's tls: cert_file/key_file at the "
                            + "new files (the collector reloads them when reload_interval is set in the tls: block, "
                            + "otherwise restart it).",
                    "With cert-manager in Kubernetes: kubectl get certificate -A and kubectl describe certificate "
                            + "<name> show why renewal failed.",
                    "If the dates look right, check the clocks: date -u on both machines (and NTP: timedatectl)."));

    public static final CatalogEntry TLS_HOSTNAME_MISMATCH = new CatalogEntry("tls.hostname-mismatch", FAIL,
            "the certificate is for {names}, not for {host}",
            "The certificate is trusted but issued for other names: the client connects by a name or address "
                    + "(an IP, a Kubernetes Service name, localhost) that is not among the certificate's subject "
                    + "alternative names.",
            "The host name the client uses and the names (DNS and IP SANs) in the certificate.",
            List.of("Point the application at a name the certificate carries: OTEL_EXPORTER_OTLP_ENDPOINT=https://<name>:{port}"
                            + " with <name> one of: {names}",
                    "Or reissue the collector's certificate with {host} among its subject alternative names, e.g. "
                            + "openssl req ... -addext \"subjectAltName=DNS:{host}\" (IP:<address> for an IP address), "
                            + "or add it to dnsNames (ipAddresses) of the cert-manager Certificate."));

    public static final CatalogEntry TLS_CLIENT_CERT_REQUIRED = new CatalogEntry("tls.client-cert-required", FAIL,
            "the server requires a client certificate it accepts: {alert}",
            "The collector's tls: block has client_ca_file (mutual TLS): it rejects connections without a client "
                    + "certificate signed by that CA.",
            "The TLS alert the server sent and whether a client certificate was offered.",
            List.of("Give the application a client certificate signed by the collector's client_ca_file: "
                            + "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE=/path/client.crt and "
                            + "OTEL_EXPORTER_OTLP_CLIENT_KEY=/path/client.key",
                    "Check it: otlpdoctor check https://{host}:{port} --client-cert client.crt --client-key client.key"));

    public static final CatalogEntry TLS_HANDSHAKE_FAILED = new CatalogEntry("tls.handshake-failed", FAIL,
            "the TLS handshake with {host}:{port} failed: {reason}",
            "The server speaks TLS but the handshake did not complete: no common protocol version or cipher "
                    + "suite (min_version/max_version in the receiver's tls: block), or another TLS alert.",
            "The TLS alert or error.",
            List.of("Compare what the server accepts: openssl s_client -connect {host}:{port} </dev/null",
                    "Check min_version/max_version and cipher_suites in the collector receiver's tls: block."));

    public static final CatalogEntry TLS_VERIFICATION_SKIPPED = new CatalogEntry("tls.verification-skipped", WARN,
            "certificate not verified (--insecure-skip-verify): {problem}",
            "--insecure-skip-verify was given, so the certificate was not held against the client. Applications "
                    + "usually verify it: what is listed here would fail them.",
            "The certificate problem that was not treated as a failure, if any.",
            List.of("Run without --insecure-skip-verify (and with --ca-cert for a private CA) to see what the "
                    + "application will see."));

    public static final CatalogEntry TLS_NO_ANSWER = new CatalogEntry("tls.no-answer", INFO,
            "no answer to a TLS ClientHello within {waitedMs} ms",
            "The server accepted the connection but neither answered the TLS ClientHello nor closed the "
                    + "connection: it waits for the client to speak in its own protocol, is slow to start TLS (a "
                    + "cold JVM), or hangs. When the client asked for TLS (https://, --tls) the next probes keep "
                    + "TLS and give the handshake the time left: a handshake that never comes is then a failure, "
                    + "never a plaintext guess. Otherwise they go on in plaintext.",
            "How long the probe waited.",
            List.of("Give the server more time: otlpdoctor check … --timeout 15s",
                    "If the receiver has no tls: section, the client must not use TLS: http:// (for gRPC also "
                            + "OTEL_EXPORTER_OTLP_INSECURE=true)"));

    static final List<CatalogEntry> ALL = List.of(TLS_PLAINTEXT, TLS_OK, TLS_MISMATCH, TLS_UNTRUSTED, TLS_EXPIRED,
            TLS_HOSTNAME_MISMATCH, TLS_CLIENT_CERT_REQUIRED, TLS_HANDSHAKE_FAILED, TLS_VERIFICATION_SKIPPED,
            TLS_NO_ANSWER);
}
