package dev.otlpdoctor.probe.local.firewall;

import com.google.gson.JsonObject;
import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.local.HostFs;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Run inside a private network namespace by {@link FirewallNamespaceTest} after the rules were applied:
 * listens on the address and a port, reads the ruleset as the probe does (the real nft and iptables of this
 * machine) for the port connected to (another one when a DNAT rule redirects it), connects for real, and prints both as one JSON object.
 */
public final class FirewallScenario {
    private FirewallScenario() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress address = InetAddress.getByName(args[0]);
        int listen = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        JsonObject out = new JsonObject();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(address, listen));
            FirewallView view = FirewallReader.read(HostFs.system(), Deadline.after(Duration.ofSeconds(20)));
            if (view.unavailable().isPresent()) {
                out.addProperty("unavailable", view.unavailable().get());
            } else {
                FirewallVerdict verdict = view.verdictFor(address, port);
                out.addProperty("action", verdict.action().name());
                out.addProperty("rejectWith", verdict.rejectWith());
                out.addProperty("looksRefused", verdict.looksRefused());
                out.addProperty("certain", verdict.certain());
                if (verdict.decidedBy() != null) {
                    out.addProperty("tool", verdict.decidedBy().writtenBy().name());
                    out.addProperty("rule", verdict.decidedBy().text());
                }
            }
            out.addProperty("connect", connect(address, port));
        }
        System.out.println(out);
    }

    /** What a client sees: connected, refused (RST or port-unreachable), unreachable (other ICMP errors) or timeout. */
    private static String connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            // A dropped SYN is retransmitted after 1 s: waiting 1.5 s proves the drop without retrying.
            socket.connect(new InetSocketAddress(address, port), 1500);
            return "connected";
        } catch (SocketTimeoutException e) {
            return "timeout";
        } catch (NoRouteToHostException e) {
            return "unreachable";
        } catch (ConnectException e) {
            return e.getMessage() != null && e.getMessage().contains("refused") ? "refused" : "error: " + e.getMessage();
        }
    }
}
