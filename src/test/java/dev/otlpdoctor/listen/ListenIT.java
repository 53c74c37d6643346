package dev.otlpdoctor.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.otlpdoctor.listen.tally.OtlpItems;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: stopping it (SIGTERM, as Ctrl-C) still prints the summary. */
class ListenIT {
    @Test
    void stoppingTheProcessPrintsTheJsonSummaryOfWhatArrived(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path stdout = dir.resolve("stdout.json");
        Path stderr = dir.resolve("stderr.txt");
        Process listen = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", System.getProperty("otlpdoctor.jar"), "listen",
                "--grpc-port", "0", "--http-port", String.valueOf(port), "-o", "json")
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            awaitPort(port, listen, stderr);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/logs"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":"
                            + "[{\"severityNumber\":17,\"body\":{\"stringValue\":\"boom\"}}]}]}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            listen.destroy();
            assertThat(listen.waitFor(60, TimeUnit.SECONDS)).as("listen ends on SIGTERM").isTrue();
        } finally {
            listen.destroyForcibly();
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        JsonObject json = JsonParser.parseString(out).getAsJsonObject();
        JsonObject logs = json.getAsJsonObject("signals").getAsJsonObject("logs");
        assertThat(logs.get("items").getAsLong()).as(out).isEqualTo(1);
        assertThat(logs.getAsJsonObject("services").getAsJsonObject(OtlpItems.NO_SERVICE)
                .getAsJsonObject("names").get("ERROR").getAsLong()).isEqualTo(1);
        assertThat(Files.readString(stderr)).contains("export OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:" + port);
    }

    private static void awaitPort(int port, Process process, Path stderr) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("listen exited " + process.exitValue() + ":\n" + Files.readString(stderr));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("listen did not open port " + port + " within 60s:\n" + Files.readString(stderr));
    }
}
