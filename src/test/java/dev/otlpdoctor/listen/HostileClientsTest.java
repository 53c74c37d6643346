package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.otlp.Signal;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients that never finish a request, or send garbage, do not stop others from being served. */
class HostileClientsTest {
    private static Socket send(OtlpServers listener, String text) throws java.io.IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.httpPort());
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    @Test
    void halfSentRequestsAndGarbageDoNotBlockOtherClients() throws Exception {
        Tally tally = new Tally(0, Clock.systemUTC());
        ListenConfig config = ListenConfig.ephemeral(InetAddress.getLoopbackAddress());
        try (OtlpServers listener = OtlpServers.start(config, new Recorder(tally, null), PortOwner.UNKNOWN)) {
            List<Socket> hostile = new ArrayList<>();
            try {
                // A stalled body holds its connection (until the 30 s request limit), not a worker;
                // garbage gets net/http's 400 at once.
                for (int i = 0; i < config.workers() - 1; i++) {
                    hostile.add(send(listener, "POST /v1/traces HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: application/x-protobuf\r\nContent-Length: 1000\r\n\r\npartial"));
                }
                for (int i = 0; i < 10; i++) {
                    hostile.add(send(listener, "\u0000\u0001\u0002 not http at all\r\n\r\n"));
                }
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://127.0.0.1:" + listener.httpPort() + "/v1/traces"))
                        .header("Content-Type", "application/x-protobuf").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                OtlpHttpSemanticsTest.request("checkout", 1).toByteArray())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(tally.snapshot().signal(Signal.TRACES).items()).isEqualTo(1);
            } finally {
                for (Socket socket : hostile) {
                    socket.close();
                }
            }
        }
    }
}
