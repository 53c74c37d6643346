package dev.otlpdoctor.tls;

import dev.otlpdoctor.BoundedFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the PEM files the OpenTelemetry SDKs and the collector use: certificates and PKCS#8 keys. */
final class PemFiles {
    private static final int MAX_BYTES = 1 << 20;
    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1PRIVATE KEY-----");

    private PemFiles() {
    }

    static List<X509Certificate> certificates(TlsSettings.PemFile file) throws GeneralSecurityException {
        byte[] bytes = BoundedFile.read(file.path(), file.toString(), MAX_BYTES);
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(bytes))) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate in the file");
        }
        return out;
    }

    static PrivateKey privateKey(TlsSettings.PemFile file) throws GeneralSecurityException {
        byte[] bytes = BoundedFile.read(file.path(), file.toString(), MAX_BYTES);
        Matcher m = KEY.matcher(new String(bytes, StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new IllegalArgumentException("no PEM private key in the file");
        }
        if (!m.group(1).isEmpty()) {
            throw new IllegalArgumentException("a '" + m.group(1).trim() + " PRIVATE KEY' is not PKCS#8; convert it: "
                    + "openssl pkcs8 -topk8 -nocrypt -in " + file.path() + " -out client-pkcs8.key");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm: PKCS#8 names it inside, but KeyFactory needs it up front
            }
        }
        throw new IllegalArgumentException("the private key is not an RSA, EC or Ed25519 PKCS#8 key");
    }
}
