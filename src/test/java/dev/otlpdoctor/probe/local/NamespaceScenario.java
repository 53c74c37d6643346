package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.cli.Main;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Run inside a private network namespace by {@link NamespaceScenarioTest}, named otelcol-contrib: a server
 * bound to 127.0.0.1:4317 (as a collector v0.104+ with the default endpoint), then {@code otlpdoctor check ADDRESS:4317 -o json}
 * through another address of the same machine. Prints the JSON report; exits with otlpdoctor's exit code.
 */
public final class NamespaceScenario {
    private NamespaceScenario() {
    }

    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(4317, 50, InetAddress.getByName("127.0.0.1"))) {
            // The socket only has to be bound while the check runs: the kernel completes handshakes in its backlog.
            assert server.isBound();
            PrintWriter out = new PrintWriter(System.out, true);
            PrintWriter err = new PrintWriter(System.err, true);
            int code = Main.run(new String[] {"check", args[0] + ":4317", "-o", "json", "--timeout", "5s"}, out, err, Map.of());
            out.flush();
            System.exit(code);
        }
    }
}
