import dev.otlpdoctor.testing.HostileServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hostile-peer matrix of docs/reliability.md as standalone loopback servers, for bench/hardening.sh:
 * java -cp target/test-classes bench/HostilePeers.java DIR. Starts each peer of testing/HostileServer on an
 * ephemeral port, writes NAME=PORT lines to DIR/peers.env, then waits until killed.
 */
public final class HostilePeers {
    public static void main(String[] args) throws Exception {
        Map<String, HostileServer> peers = new LinkedHashMap<>();
        peers.put("goaway", HostileServer.goAwayAtOnce());
        peers.put("reset", HostileServer.resetting());
        peers.put("trickle", HostileServer.trickling());
        peers.put("tls_stall", HostileServer.tlsStallingMidHandshake());
        peers.put("huge_headers", HostileServer.hugeHeaders());
        peers.put("redirect", HostileServer.redirectingElsewhere());
        peers.put("lying_length", HostileServer.lyingContentLength());
        peers.put("grpc_2gib", HostileServer.grpcHugeLengthPrefix());
        peers.put("reflecting", HostileServer.reflectingHeaders());
        peers.put("silent", HostileServer.silent());
        StringBuilder env = new StringBuilder();
        peers.forEach((name, server) -> env.append(name).append('=').append(server.port()).append('\n'));
        Files.writeString(Path.of(args[0]).resolve("peers.env"), env.toString());
        Thread.currentThread().join();
    }
}
