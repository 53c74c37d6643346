package dev.otlpdoctor.tls;

import dev.otlpdoctor.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The user's TLS choices with the files they name already loaded, so a missing or malformed file is an
 * input error (exit 2) before any probe runs.
 *
 * @param requested {@code --tls}: use TLS even without an {@code https://} target
 * @param caCert the CA file ({@code --ca-cert} or {@code OTEL_EXPORTER_OTLP_CERTIFICATE}), or {@code null}
 *               for the JVM's trust store
 * @param trust the trust manager of the CA file's certificates; {@code null} for the JVM's default, which
 *              is loaded on first use only (reading the JVM's trust store costs start-up time)
 * @param keyManagers the client certificate of {@code --client-cert/--client-key}, or empty
 * @param insecureSkipVerify {@code --insecure-skip-verify}: do not fail on certificate problems
 */
public record TlsSettings(boolean requested, PemFile caCert, X509TrustManager trust, KeyManager[] keyManagers,
                          boolean insecureSkipVerify) {

    /**
     * A PEM file the user named, and where it was named.
     *
     * @param path the file
     * @param source the option or environment variable that named it, e.g. {@code --ca-cert}
     */
    public record PemFile(Path path, String source) {
        @Override
        public String toString() {
            return source + " " + path;
        }
    }

    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    /** TLS only when the target says {@code https://}, trusting the JVM's store, no client certificate. */
    public static TlsSettings defaults() {
        return new TlsSettings(false, null, null, new KeyManager[0], false);
    }

    /** The trust manager: the {@code --ca-cert} file's, else the JVM's default. */
    @Override
    public X509TrustManager trust() {
        return trust != null ? trust : JvmTrust.INSTANCE;
    }

    /** Loaded on first use (class initialisation is lazy and thread-safe). */
    private static final class JvmTrust {
        static final X509TrustManager INSTANCE = defaultTrust();
    }

    public static TlsSettings load(boolean requested, PemFile caCert, PemFile clientCert, PemFile clientKey,
                                   boolean insecureSkipVerify) {
        if ((clientCert == null) != (clientKey == null)) {
            throw new InvalidInputException(clientCert == null ? clientKey.source() + " needs a client certificate "
                    + "(--client-cert or OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE)"
                    : clientCert.source() + " needs a client key (--client-key or OTEL_EXPORTER_OTLP_CLIENT_KEY)");
        }
        X509TrustManager trust = caCert == null ? null : trustFrom(caCert);
        KeyManager[] keys = clientCert == null ? new KeyManager[0] : keyManagers(clientCert, clientKey);
        return new TlsSettings(requested, caCert, trust, keys, insecureSkipVerify);
    }

    public boolean hasClientCertificate() {
        return keyManagers.length > 0;
    }

    /** Where trust comes from, for reports. */
    public String trustSource() {
        return caCert == null ? "the JVM's trust store" : caCert.toString();
    }

    private static X509TrustManager trustFrom(PemFile caCert) {
        List<X509Certificate> certificates = read(() -> PemFiles.certificates(caCert), caCert);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            return trustManager(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store from " + caCert, e);
        }
    }

    private static X509TrustManager defaultTrust() {
        try {
            return trustManager(null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no default trust manager", e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X509TrustManager in " + factory.getAlgorithm());
    }

    private static KeyManager[] keyManagers(PemFile certFile, PemFile keyFile) {
        List<X509Certificate> chain = read(() -> PemFiles.certificates(certFile), certFile);
        PrivateKey key = read(() -> PemFiles.privateKey(keyFile), keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY_PASSWORD);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidInputException(keyFile + " does not match " + certFile + " (" + e.getMessage() + ")");
        }
    }

    private interface Reader<T> {
        T read() throws IOException, GeneralSecurityException;
    }

    private static <T> T read(Reader<T> reader, PemFile file) {
        try {
            return reader.read();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }
}
