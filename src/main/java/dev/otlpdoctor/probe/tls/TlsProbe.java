package dev.otlpdoctor.probe.tls;

import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.probe.net.TcpProbe;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.TlsCodes;
import dev.otlpdoctor.tls.TlsSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends a TLS ClientHello to the endpoint's first open address: does the server speak TLS, and would the
 * client trust it (chain against the JVM store or {@code --ca-cert}, expiry, host name)? Compares that
 * with what the client side asks for ({@code https://} or {@code --tls}) and records the {@link TlsChannel}
 * the later probes use. The handshake gets a wait scaled to the connect time (see {@link #budget}), so a
 * server that waits silently leaves time for the protocol probe.
 *
 * <p>On a plaintext collector port the ClientHello is a malformed request: the gRPC server closes the
 * connection (and may log a bad client preface), the HTTP server answers 400 (docs/collector-behaviour.md).
 */
public final class TlsProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("tls", Scope.ENDPOINT)
            .needs(TcpProbe.class)
            .observes("one TLS ClientHello: does the port speak TLS; trust, expiry, host name, client certificate; against the client's `http://`/`https://`/`--tls`")
            .reports("tls.*");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /** How later probes talk to the endpoint; absent when the TLS handshake failed. */
    public static final Fact<TlsChannel> CHANNEL = Fact.named("tls-channel");
    /** Set when the ClientHello got no answer at all: whether the port speaks TLS is still open. */
    public static final Fact<Boolean> UNANSWERED = Fact.named("tls-unanswered");

    private static final int POST_HANDSHAKE_READ_MILLIS = 100;
    /**
     * A TLS server answers a ClientHello within a round trip; a plaintext server either rejects it at once
     * (the collector's gRPC and HTTP servers do) or waits for more bytes. Waiting longer proves nothing.
     */
    private static final int HANDSHAKE_MILLIS = 1000;
    /** The least wait for a ServerHello, however close the server: a TLS server's first answer takes a few ms. */
    private static final int MIN_HANDSHAKE_MILLIS = 300;

    /**
     * The wait for a ServerHello: ten connect round trips, at least {@link #MIN_HANDSHAKE_MILLIS}, at most
     * {@link #HANDSHAKE_MILLIS} and a third of the time left. A plaintext server that waits silently for
     * more bytes (as some HTTP servers do) then costs a fraction of a second on a near network.
     */
    private static int budget(ProbeContext context, long connectMillis) {
        long wanted = Math.max(MIN_HANDSHAKE_MILLIS, 10 * connectMillis);
        return context.deadline().stepMillis(3, Duration.ofMillis(Math.min(HANDSHAKE_MILLIS, wanted)));
    }

    /** Sets up the JVM's TLS stack and builds one ClientHello: the first handshake's start-up cost. */
    @Override
    public void prepare() {
        TlsChannel.prepareHandshake();
    }

    private enum Outcome { HANDSHAKE_DONE, NOT_TLS, NO_ANSWER, ALERT }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        InetSocketAddress address = context.facts().get(TcpProbe.OPEN_ADDRESSES).orElseThrow().get(0);
        TlsSettings settings = context.settings().tls();
        String host = context.endpoint().host();
        int port = context.endpoint().port();
        boolean clientTls = clientWantsTls(context);
        String client = clientSide(context);

        CertificateRecorder recorder = new CertificateRecorder(settings);
        long start = System.nanoTime();
        Outcome outcome;
        String reason = "";
        String tlsVersion = "";
        String alpn = "";
        try (Socket raw = new Socket()) {
            raw.connect(address, context.deadline().stepMillis());
            raw.setSoTimeout(budget(context, (System.nanoTime() - start) / 1_000_000));
            SSLSocket ssl = (SSLSocket) TlsChannel.context(settings.keyManagers(), recorder).getSocketFactory()
                    .createSocket(raw, host, port, true);
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            ssl.setSSLParameters(parameters);
            try {
                ssl.startHandshake();
                outcome = Outcome.HANDSHAKE_DONE;
                tlsVersion = ssl.getSession().getProtocol();
                alpn = ssl.getApplicationProtocol() == null || ssl.getApplicationProtocol().isEmpty()
                        ? "none" : ssl.getApplicationProtocol();
                reason = alertAfterHandshake(ssl, context);
                if (!reason.isEmpty()) {
                    outcome = Outcome.ALERT;
                }
            } catch (SocketTimeoutException e) {
                outcome = Outcome.NO_ANSWER;
            } catch (IOException e) {
                reason = message(e);
                outcome = recorder.chain() != null || reason.contains("alert") ? Outcome.ALERT : Outcome.NOT_TLS;
            } finally {
                ssl.close();
            }
        } catch (IOException e) {
            outcome = Outcome.NOT_TLS;
            reason = message(e);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        switch (outcome) {
            case NOT_TLS:
                context.facts().put(CHANNEL, TlsChannel.plaintext());
                if (clientTls) {
                    findings.add(mismatch(context, client, "plaintext (no TLS)")
                            .evidence("serverAnswer", reason)
                            .detail("The server answered the TLS ClientHello with something that is not TLS ("
                                    + reason + "): it speaks plaintext, but the client asks for TLS.")
                            .build());
                } else {
                    findings.add(TlsCodes.TLS_PLAINTEXT.finding()
                            .evidence("port", port)
                            .evidence("serverAnswer", reason)
                            .detail("A TLS ClientHello was not answered with TLS (" + reason + ").")
                            .build());
                }
                return;
            case NO_ANSWER:
                // TLS asked for is never downgraded to a plaintext guess: a slow TLS server (a cold JVM) gets the
                // time left for its handshake in the next probe, which reports a handshake that never comes.
                context.facts().put(CHANNEL, clientTls ? TlsChannel.of(settings, !settings.insecureSkipVerify())
                        : TlsChannel.plaintext());
                context.facts().put(UNANSWERED, true);
                findings.add(TlsCodes.TLS_NO_ANSWER.finding()
                        .evidence("waitedMs", elapsed)
                        .detail("Nothing came back for the TLS ClientHello in {waitedMs} ms; " + (clientTls
                                ? "TLS was asked for (" + client + "), so the next probes keep TLS and wait for the "
                                        + "handshake with the time left."
                                : "the next probes talk plaintext."))
                        .build());
                return;
            case ALERT:
                boolean certificateAlert = reason.contains("certificate_required") || reason.contains("bad_certificate")
                        || reason.contains("unknown_ca") || reason.contains("certificate_unknown")
                        || (reason.contains("handshake_failure") && !settings.hasClientCertificate());
                findings.add((certificateAlert ? TlsCodes.TLS_CLIENT_CERT_REQUIRED : TlsCodes.TLS_HANDSHAKE_FAILED)
                        .finding()
                        .evidence("host", host)
                        .evidence("port", port)
                        .evidence(certificateAlert ? "alert" : "reason", reason)
                        .evidence("clientCertificateOffered", settings.hasClientCertificate())
                        .detail("The server speaks TLS but ended the handshake: " + reason + ".")
                        .build());
                return;
            default:
                break;
        }

        X509Certificate[] chain = recorder.chain();
        X509Certificate leaf = chain[0];
        Finding.Builder problem = certificateProblem(recorder, chain, host, port, settings);
        if (!clientTls) {
            context.facts().put(CHANNEL, TlsChannel.of(settings, false));
            findings.add(mismatch(context, client, "TLS (" + tlsVersion + ")")
                    .evidence("subject", leaf.getSubjectX500Principal().getName())
                    .detail("The server completed a TLS handshake ({tlsVersion}), but the client side is plaintext: "
                            + "a plaintext exporter's request is rejected by this port.")
                    .evidence("tlsVersion", tlsVersion)
                    .build());
            return;
        }
        if (problem == null) {
            context.facts().put(CHANNEL, TlsChannel.of(settings, !settings.insecureSkipVerify()));
            findings.add(TlsCodes.TLS_OK.finding()
                    .evidence("tlsVersion", tlsVersion)
                    .evidence("alpn", alpn)
                    .evidence("subject", leaf.getSubjectX500Principal().getName())
                    .evidence("issuer", leaf.getIssuerX500Principal().getName())
                    .evidence("names", String.join(", ", names(leaf)))
                    .evidence("notAfter", Instant.ofEpochMilli(leaf.getNotAfter().getTime()).toString())
                    .evidence("trust", settings.trustSource())
                    .detail("The handshake completed in " + elapsed + " ms with a certificate trusted by "
                            + settings.trustSource() + ".")
                    .build());
            return;
        }
        context.facts().put(CHANNEL, TlsChannel.of(settings, false));
        Finding found = problem.evidence("tlsVersion", tlsVersion).evidence("trust", settings.trustSource()).build();
        if (settings.insecureSkipVerify()) {
            findings.add(TlsCodes.TLS_VERIFICATION_SKIPPED.finding()
                    .evidence("problem", found.title())
                    .evidence("wouldBe", found.code())
                    .detail("Without --insecure-skip-verify this would be " + found.code() + ": " + found.detail())
                    .build());
        } else {
            findings.add(found);
        }
    }

    /** Whether the client side asks for TLS: an {@code https://} target or {@code --tls}. */
    public static boolean clientWantsTls(ProbeContext context) {
        return context.endpoint().tls() || context.settings().tls().requested();
    }

    private static String clientSide(ProbeContext context) {
        String reason = context.endpoint().tlsReason();
        if (!clientWantsTls(context)) {
            return "plaintext (" + (reason.isEmpty() ? "no https:// and no --tls" : reason) + ")";
        }
        return "TLS (" + (!context.endpoint().tls() ? "--tls" : reason.isEmpty() ? "https://" : reason) + ")";
    }

    /** The {@code tls.mismatch} finding for a server that speaks {@code server}. */
    public static Finding.Builder mismatch(ProbeContext context, String server) {
        return mismatch(context, clientSide(context), server);
    }

    private static Finding.Builder mismatch(ProbeContext context, String client, String server) {
        return TlsCodes.TLS_MISMATCH.finding()
                .evidence("client", client)
                .evidence("server", server)
                .param("host", context.endpoint().host())
                .param("port", context.endpoint().port());
    }

    /** The certificate problem the application would hit, most fundamental first; {@code null} if none. */
    private static Finding.Builder certificateProblem(CertificateRecorder recorder, X509Certificate[] chain,
                                                      String host, int port, TlsSettings settings) {
        Instant now = Instant.now();
        for (X509Certificate certificate : chain) {
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (now.isBefore(notBefore) || now.isAfter(notAfter)) {
                return TlsCodes.TLS_EXPIRED.finding()
                        .evidence("host", host).evidence("port", port)
                        .evidence("subject", certificate.getSubjectX500Principal().getName())
                        .evidence("notBefore", notBefore.toString())
                        .evidence("notAfter", notAfter.toString())
                        .evidence("now", now.toString())
                        .detail("The certificate of " + certificate.getSubjectX500Principal().getName()
                                + (now.isAfter(notAfter) ? " expired on {notAfter}." : " is valid only from {notBefore}."));
            }
        }
        CertificateException chainError = recorder.chainError();
        X509Certificate leaf = chain[0];
        if (chainError != null) {
            List<String> path = new ArrayList<>();
            for (X509Certificate c : chain) {
                path.add(c.getSubjectX500Principal().getName() + " <- " + c.getIssuerX500Principal().getName());
            }
            return TlsCodes.TLS_UNTRUSTED.finding()
                    .evidence("host", host).evidence("port", port)
                    .evidence("issuer", leaf.getIssuerX500Principal().getName())
                    .evidence("chain", path)
                    .evidence("verifier", message(chainError))
                    .detail("The chain sent by the server does not lead to a CA in " + settings.trustSource() + ".");
        }
        if (recorder.hostError() != null) {
            return TlsCodes.TLS_HOSTNAME_MISMATCH.finding()
                    .evidence("host", host).evidence("port", port)
                    .evidence("names", String.join(", ", names(leaf)))
                    .evidence("verifier", message(recorder.hostError()))
                    .detail("The certificate is trusted, but '" + host + "' is not one of its names.");
        }
        return null;
    }

    /**
     * With TLS 1.3 a server that rejects the client's certificate says so after the client finished its
     * handshake: a short read surfaces that alert. Silence or data (an HTTP/2 SETTINGS frame) is fine.
     */
    private static String alertAfterHandshake(SSLSocket ssl, ProbeContext context) throws IOException {
        ssl.setSoTimeout(context.deadline().stepMillis(1, Duration.ofMillis(POST_HANDSHAKE_READ_MILLIS)));
        try {
            ssl.getInputStream().read(new byte[64]);
            return "";
        } catch (SocketTimeoutException e) {
            return "";
        } catch (SSLException e) {
            return message(e);
        }
    }

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable subject alternative names)");
        }
        if (names.isEmpty()) {
            names.add(certificate.getSubjectX500Principal().getName());
        }
        return names;
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.toLowerCase(Locale.ROOT).startsWith("received fatal alert")
                ? message.substring("Received fatal ".length()) : message;
    }
}
