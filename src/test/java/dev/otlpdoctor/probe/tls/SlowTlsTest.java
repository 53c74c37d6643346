package dev.otlpdoctor.probe.tls;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A TLS server that is slow to answer the ClientHello (a cold JVM behind the port): {@code https://} asks
 * for TLS, so the check waits for the handshake with the time left instead of guessing plaintext, and the
 * run passes. Before, it fell back to plaintext and named the port's holder as a conflict.
 */
class SlowTlsTest {
    /** Longer than the tls probe's own wait for a ServerHello (at most 1 s). */
    private static final long HOLD_MILLIS = 1500;

    private FakeGrpcCollector collector;
    private ServerSocket relay;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "slow-tls-relay");
        thread.setDaemon(true);
        return thread;
    });

    @BeforeEach
    void start() throws Exception {
        collector = FakeGrpcCollector.builder().tls(TestCertificates.Server.VALID).start();
        relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    @AfterEach
    void stop() throws IOException {
        relay.close();
        threads.shutdownNow();
        collector.close();
    }

    @Test
    void httpsToASlowTlsServerIsNeverAPlaintextGuess() {
        CliDriver.Result result = CliDriver.create().run("check", "https://localhost:" + relay.getLocalPort(),
                "--protocol", "grpc", "--ca-cert", TestCertificates.caPem().toString(), "--no-local",
                "--timeout", "15s", "-o", "json");
        JsonObject json = assertThatRun(result).exitsWith(0).json();
        assertThat(json.get("status").getAsString()).isEqualTo("pass");
        assertThat(result.out()).contains("\"tls.no-answer\"").contains("keep TLS")
                .doesNotContain("\"tls.mismatch\"").doesNotContain("\"bind.port-conflict\"");
    }

    /** Each connection: hold it, then pass bytes both ways to the TLS collector. */
    private void acceptLoop() {
        while (!relay.isClosed()) {
            try {
                Socket client = relay.accept();
                threads.submit(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), collector.port())) {
            Thread.sleep(HOLD_MILLIS); // the slow server's behaviour, not a wait of the test
            threads.submit(() -> pump(server.getInputStream(), client.getOutputStream()));
            pump(client.getInputStream(), server.getOutputStream());
        } catch (IOException | InterruptedException e) {
            // the connection ended
        }
    }

    private static Void pump(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            out.flush();
        }
        return null;
    }
}
