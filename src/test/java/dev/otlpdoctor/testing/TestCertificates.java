package dev.otlpdoctor.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test certificates of src/test/resources/tls (made by generate.sh there): a test CA, server
 * certificates that are valid, expired, for the wrong host or from an untrusted CA, and a client certificate.
 */
public final class TestCertificates {
    public static final Path DIR = Path.of("src/test/resources/tls");
    private static final char[] PASSWORD = "changeit".toCharArray();

    /** Server identities, each a PKCS#12 keystore with its chain. */
    public enum Server {
        VALID("server.p12"), EXPIRED("expired.p12"), WRONG_HOST("wronghost.p12"), UNTRUSTED("untrusted.p12");

        final String file;

        Server(String file) {
            this.file = file;
        }
    }

    private TestCertificates() {
    }

    public static Path caPem() {
        return DIR.resolve("ca.pem");
    }

    public static Path clientPem() {
        return DIR.resolve("client.pem");
    }

    public static Path clientKey() {
        return DIR.resolve("client.key");
    }

    public static KeyManagerFactory keyManagers(Server server) {
        try (InputStream in = Files.newInputStream(DIR.resolve(server.file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, PASSWORD);
            return factory;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load test keystore " + server.file, e);
        }
    }

    /** Trust for verifying client certificates: the test CA. */
    public static TrustManagerFactory clientTrust() {
        try (InputStream in = Files.newInputStream(DIR.resolve("ca.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test CA", e);
        }
    }

    public static SSLContext serverContext(Server server) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(server).getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
