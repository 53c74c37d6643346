package dev.otlpdoctor.listen.server;

import dev.otlpdoctor.BoundedFile;
import dev.otlpdoctor.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * {@code --tls-cert}/{@code --tls-key} PEM files loaded for the HTTPS server's JDK TLS engine (gRPC reads the
 * same files through grpc-java). Loading them first also turns a bad file into one clear usage error.
 * The JDK reads certificates from PEM itself; a PKCS#8 key is a base64 block.
 */
public final class TlsMaterial {
    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    /** A PEM chain or key is a few KiB; larger files (or devices such as /dev/zero) are refused. */
    private static final int MAX_PEM_BYTES = 1 << 20;

    private TlsMaterial() {
    }

    public static SSLContext sslContext(Path certFile, Path keyFile) {
        try {
            Certificate[] chain = certificates(certFile);
            PrivateKey key = privateKey(keyFile);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("listen", key, password, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidInputException("--tls-cert " + certFile + " / --tls-key " + keyFile
                    + ": not a usable certificate and key (" + e.getMessage() + ")");
        }
    }

    private static Certificate[] certificates(Path certFile) throws IOException, GeneralSecurityException {
        byte[] pem = BoundedFile.read(certFile, "--tls-cert " + certFile, MAX_PEM_BYTES);
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem));
        if (certs.isEmpty()) {
            throw new InvalidInputException("--tls-cert " + certFile + ": no PEM certificate in the file");
        }
        return certs.toArray(new Certificate[0]);
    }

    private static PrivateKey privateKey(Path keyFile) throws IOException, GeneralSecurityException {
        String pem = new String(BoundedFile.read(keyFile, "--tls-key " + keyFile, MAX_PEM_BYTES),
                StandardCharsets.US_ASCII);
        Matcher m = PKCS8.matcher(pem);
        if (!m.find()) {
            throw new InvalidInputException("--tls-key " + keyFile + ": expected an unencrypted PKCS#8 PEM key"
                    + " ('BEGIN PRIVATE KEY'); convert it with: openssl pkcs8 -topk8 -nocrypt -in "
                    + keyFile + " -out key-pkcs8.pem");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1)));
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }
}
