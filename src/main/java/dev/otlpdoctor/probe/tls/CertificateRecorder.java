package dev.otlpdoctor.probe.tls;

import dev.otlpdoctor.tls.TlsSettings;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Accepts any server certificate so the handshake completes, and records what the real trust manager
 * would have said — once on the chain alone and once with host name verification — so the TLS probe can
 * tell an untrusted chain from a name mismatch instead of reporting one opaque handshake error.
 * Also serves, without recording, as the "accept everything" manager of {@code --insecure-skip-verify}.
 */
final class CertificateRecorder extends X509ExtendedTrustManager {
    private final TlsSettings settings;
    private volatile X509Certificate[] chain;
    private volatile CertificateException chainError;
    private volatile CertificateException hostError;

    CertificateRecorder(TlsSettings settings) {
        this.settings = settings;
    }

    X509Certificate[] chain() {
        return chain;
    }

    /** Why the chain is not trusted (expiry included), or {@code null}. */
    CertificateException chainError() {
        return chainError;
    }

    /** Why the chain is not valid for the host name, or {@code null}. */
    CertificateException hostError() {
        return hostError;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket) {
        chain = certificates;
        X509TrustManager trust = settings.trust();
        try {
            trust.checkServerTrusted(certificates, authType);
        } catch (CertificateException e) {
            chainError = e;
        }
        if (trust instanceof X509ExtendedTrustManager extended && socket instanceof SSLSocket ssl) {
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
            try {
                extended.checkServerTrusted(certificates, authType, socket);
            } catch (CertificateException e) {
                hostError = e;
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) {
        chain = certificates;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType) {
        chain = certificates;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0]; // only consulted for client certificates, which this side never checks
    }
}
