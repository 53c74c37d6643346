package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.listen.http.NettyHttpServer;
import dev.otlpdoctor.listen.http.OtlpHttpSemantics;
import dev.otlpdoctor.listen.server.BoundedExecutor;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.tally.Arrival;
import dev.otlpdoctor.listen.tally.ExportRequest;
import dev.otlpdoctor.listen.tally.ExportSink;
import dev.otlpdoctor.listen.tally.Misdirection;
import dev.otlpdoctor.listen.tally.Rejection;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.otlp.Signal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The HTTP server under the OTLP semantics: what reaches it that is not a plain OTLP request. */
class HttpTransportTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aTlsClientHelloOnThePlaintextPortGetsNetHttpsBadRequestAndTheConnectionCloses() throws Exception {
        byte[] hello = clientHello();
        // A JSSE ClientHello carries a 0x0a byte (the supported_groups extension), which ends a line for net/http.
        assertThat(indexOf(hello, (byte) '\n')).isNotNegative();
        Tally tally = new Tally(0, Clock.systemUTC());
        try (OtlpServers listener = start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()), tally);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(hello);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .contains("\r\nContent-Type: text/plain; charset=utf-8\r\n", "\r\nConnection: close\r\n")
                    .endsWith("\r\n\r\n400 Bad Request");
            Summary summary = tally.snapshot();
            assertThat(summary.rejected()).isEmpty();
            assertThat(summary.clients()).isEmpty();
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        Tally tally = new Tally(0, Clock.systemUTC());
        try (OtlpServers listener = start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()), tally);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/logs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                    + "GET /v1/traces HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answers).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\n\r\n{}HTTP/1.1 405 Method Not Allowed\r\n")
                    .endsWith("405 method not allowed, supported: [POST]");
            assertThat(tally.snapshot().signal(Signal.LOGS).requests()).isEqualTo(1);
        }
    }

    @Test
    void headAndExpectContinueAreServed() throws Exception {
        Tally tally = new Tally(0, Clock.systemUTC());
        try (OtlpServers listener = start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()), tally)) {
            URI uri = URI.create("http://127.0.0.1:" + listener.httpPort() + "/v1/traces");
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri).timeout(BOUND)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(405);
            assertThat(head.body()).isEmpty();
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri).timeout(BOUND).expectContinue(true)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(tally.snapshot().signal(Signal.TRACES).requests()).isEqualTo(1);
        }
    }

    @Test
    void aTakenHttpPortIsAUsageErrorNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ListenConfig config = new ListenConfig(InetAddress.getLoopbackAddress(), ListenConfig.OFF, port, 0,
                    null, null, null, 2);
            assertThatThrownBy(() -> start(config, new Tally(0, Clock.systemUTC())))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("port " + port + " (OTLP/HTTP)")
                    .hasMessageContaining("already in use").hasMessageContaining("--http-port");
        }
    }

    @Test
    void closingStillAnswersTheRequestsAlreadyTaken() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExportSink sink = new ExportSink() {
            @Override
            public void accept(Signal signal, Arrival arrival, ExportRequest request) {
                entered.countDown();
                try {
                    release.await(BOUND.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void reject(Rejection rejection) {
            }

            @Override
            public void misdirected(Misdirection misdirection) {
            }

            @Override
            public void refused(String reason, String client) {
            }
        };
        ThreadPoolExecutor workers = BoundedExecutor.create("test-http", 2, 8);
        NettyHttpServer server = NettyHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null, new OtlpHttpSemantics(sink, 1 << 20, null), workers);
        try {
            int port = server.port();
            CompletableFuture<HttpResponse<String>> response = client.sendAsync(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/logs")).timeout(BOUND)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("request reached the sink").isTrue();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
            awaitRefused(port);
            release.countDown();
            assertThat(response.get(BOUND.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            closed.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } finally {
            release.countDown();
            server.close();
            workers.shutdownNow();
        }
    }

    private static OtlpServers start(ListenConfig config, Tally tally) {
        return OtlpServers.start(config, new Recorder(tally, null), PortOwner.UNKNOWN);
    }

    /** The first flight of a JDK TLS client, as otlpdoctor's tls probe sends it. */
    static byte[] clientHello() throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine("localhost", 4318);
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        return Arrays.copyOf(out.array(), out.position());
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Polls until the port no longer accepts connections: the server has begun to close. */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            } catch (IOException refused) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("port " + port + " still accepts connections");
    }
}
