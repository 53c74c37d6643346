package dev.otlpdoctor.probe.tls;

import dev.otlpdoctor.tls.TlsSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;

/**
 * How the probes after {@code tls} talk to an endpoint: plaintext, or TLS as the server speaks it. When
 * the certificate was already reported as a problem (or {@code --insecure-skip-verify}), later probes
 * still go on without verification, so one run shows both the certificate problem and whether OTLP
 * works behind it.
 *
 * @param tls whether the server speaks TLS
 * @param context the client context (client certificate included), or {@code null} for plaintext
 * @param trustManager the trust manager the context uses
 * @param verified whether certificates and host names are verified on later connections
 */
public record TlsChannel(boolean tls, SSLContext context, X509TrustManager trustManager, boolean verified) {

    public static TlsChannel plaintext() {
        return new TlsChannel(false, null, null, false);
    }

    static TlsChannel of(TlsSettings settings, boolean verified) {
        X509TrustManager trust = verified ? settings.trust() : new CertificateRecorder(settings);
        return new TlsChannel(true, context(settings.keyManagers(), trust), trust, verified);
    }

    static SSLContext context(KeyManager[] keyManagers, X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new X509TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    /**
     * Initialises a client context and produces a ClientHello in memory (key shares included), so the
     * classes and providers a handshake needs are loaded before the first real one. No network.
     */
    static void prepareHandshake() {
        SSLEngine engine = context(null, new CertificateRecorder(TlsSettings.defaults())).createSSLEngine();
        engine.setUseClientMode(true);
        try {
            engine.beginHandshake();
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        } catch (SSLException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    /**
     * A connected socket to {@code address}: plaintext, or TLS with the handshake done, offering the given
     * ALPN protocols. {@code host} is the name the certificate must carry (and the SNI sent).
     */
    public Socket connect(InetSocketAddress address, String host, int timeoutMillis, String... alpn)
            throws IOException {
        Socket socket = new Socket();
        int timeout = Math.max(1, timeoutMillis); // 0 would mean "wait forever" to java.net
        try {
            socket.connect(address, timeout);
            socket.setSoTimeout(timeout);
            if (!tls) {
                return socket;
            }
            SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, host, address.getPort(), true);
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setApplicationProtocols(alpn);
            if (verified) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            ssl.setSSLParameters(parameters);
            ssl.setSoTimeout(timeout);
            ssl.startHandshake();
            return ssl;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
