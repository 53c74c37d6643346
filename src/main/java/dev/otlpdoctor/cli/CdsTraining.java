package dev.otlpdoctor.cli;

import dev.otlpdoctor.listen.OtlpServers;
import dev.otlpdoctor.listen.Recorder;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.tally.Tally;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The training run the launcher uses to create a class-data sharing archive on first use: it runs the
 * common command lines in-process, so the archive holds the classes a real run loads. Not a command;
 * its output is discarded.
 *
 * <p>It contacts only sockets it opens itself on loopback: an in-process {@code listen} sink (so the
 * archive covers a healthy check: OkHttp, the Kotlin runtime, JSSE and protobuf, and the sink's own
 * classes), a port it opened and closed again (refused), and the sink's HTTP port stands in for the
 * collector's health and metrics URLs, which would otherwise be 13133 and 8888 of the target.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int refused;
        try (ServerSocket closed = new ServerSocket(0, 1, loopback)) {
            refused = closed.getLocalPort();
        }
        Path config = Files.createTempFile("otlpdoctor-cds", ".yaml");
        Recorder recorder = new Recorder(new Tally(16, Clock.systemUTC()), null);
        try (OtlpServers collector = OtlpServers.start(ListenConfig.ephemeral(loopback), recorder, port -> Optional.empty())) {
            Files.writeString(config, "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: localhost:4317\n"
                    + "exporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n"
                    + "      exporters: [debug]\n");
            String grpc = "127.0.0.1:" + collector.grpcPort();
            String http = "http://127.0.0.1:" + collector.httpPort();
            String[] collectorUrls = {"--health-url", http + "/", "--metrics-url", http + "/metrics", "--timeout", "5s"};
            String[][] commandLines = {
                {"--help"},
                {"--version"},
                {"check", "--help"},
                {"explain", "--list"},
                {"explain", "tcp.refused"},
                {"lint", config.toString()},
                {"check", grpc, http},
                {"check", grpc, http, "-o", "json"},
                {"check", "127.0.0.1:" + refused},
            };
            for (String[] commandLine : commandLines) {
                boolean check = commandLine[0].equals("check") && commandLine.length > 1 && !commandLine[1].startsWith("-");
                Main.run(check ? concat(commandLine, collectorUrls) : commandLine, sink, sink, Map.of());
            }
        } finally {
            Files.deleteIfExists(config);
        }
        System.exit(0);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
