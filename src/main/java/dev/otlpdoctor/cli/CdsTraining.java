package dev.otlpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The training run the launcher uses to create a class-data sharing archive on first use: it runs the
 * common command lines in-process, so the archive holds the classes a real run loads. Not a command;
 * its output is discarded. It contacts only sockets it opens itself on loopback.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String openTarget = "127.0.0.1:" + open.getLocalPort();
            String[][] commandLines = {
                {"--help"},
                {"--version"},
                {"check", "--help"},
                {"explain", "--list"},
                {"explain", "tcp.refused"},
                {"check", openTarget, "127.0.0.1:1", "--timeout", "2s"},
                {"check", openTarget, "--timeout", "2s", "-o", "json"},
            };
            for (String[] commandLine : commandLines) {
                Main.run(commandLine, sink, sink, Map.of());
            }
        }
        System.exit(0);
    }
}
