package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.otlp.Signal;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** --tls-cert/--tls-key: both servers speak TLS with the given PEM files. */
class TlsListenTest {
    static final Path CERT = resource("tls/cert.pem");
    static final Path KEY = resource("tls/key.pem");

    @Test
    void grpcAndHttpServeTlsWithThePemFiles() throws Exception {
        Tally tally = new Tally(0, Clock.systemUTC());
        ListenConfig config = ListenConfig.ephemeral(InetAddress.getLoopbackAddress()).withTls(CERT, KEY);
        try (OtlpServers listener = OtlpServers.start(config, new Recorder(tally, null), PortOwner.UNKNOWN)) {
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(CERT)).build();
            HttpResponse<String> response = https.send(HttpRequest
                    .newBuilder(URI.create("https://localhost:" + listener.httpPort() + "/v1/logs"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);

            ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", listener.grpcPort(),
                    TlsChannelCredentials.newBuilder().trustManager(CERT.toFile()).build()).build();
            try {
                TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                        .export(OtlpHttpSemanticsTest.request("checkout", 2));
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            assertThat(tally.snapshot().signal(Signal.TRACES).items()).isEqualTo(2);
            assertThat(tally.snapshot().signal(Signal.LOGS).requests()).isEqualTo(1);
        }
    }

    @Test
    void aTraditionalRsaKeyIsRefusedWithTheConversionCommand() {
        ListenConfig config = ListenConfig.ephemeral(InetAddress.getLoopbackAddress())
                .withTls(CERT, resource("tls/key-pkcs1.pem"));
        assertThatThrownBy(() -> OtlpServers.start(config, new Recorder(new Tally(0, Clock.systemUTC()), null),
                PortOwner.UNKNOWN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PKCS#8").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("listen", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static Path resource(String name) {
        try {
            return Path.of(TlsListenTest.class.getClassLoader().getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
