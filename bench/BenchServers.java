import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback peers for the benchmarks, run as a single-file program (java bench/BenchServers.java DIR
 * HEALTHY_PORT): a port whose accept queue is full, so its SYNs are dropped as a firewall drops them;
 * a port where nothing listens; and a fleet file of 200 targets mixing those with a healthy collector
 * at HEALTHY_PORT. Writes DIR/ports.env and DIR/fleet.txt, then waits until killed.
 */
public final class BenchServers {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int healthy = Integer.parseInt(args[1]);
        InetAddress loopback = InetAddress.getLoopbackAddress();

        ServerSocket dropping = new ServerSocket(0, 1, loopback);
        List<Socket> held = new ArrayList<>();
        InetSocketAddress droppingAddress = new InetSocketAddress(loopback, dropping.getLocalPort());
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(droppingAddress, 200);
                held.add(socket);
            } catch (SocketTimeoutException e) {
                socket.close();
                break;
            }
        }
        int refused = freePortBelowEphemeralRange();

        List<String> fleet = new ArrayList<>();
        fleet.add("# 200 targets: healthy, refused and dropped, in turn");
        for (int i = 0; i < 200; i++) {
            int port = switch (i % 3) {
                case 0 -> healthy;
                case 1 -> refused;
                default -> dropping.getLocalPort();
            };
            fleet.add("127.0.0.1:" + port);
        }
        Files.write(dir.resolve("fleet.txt"), fleet);
        Files.writeString(dir.resolve("ports.env"), "DROPPED_PORT=" + dropping.getLocalPort() + "\nREFUSED_PORT="
                + refused + "\n");
        Thread.currentThread().join();
    }

    /** Below 32768, so no outgoing connection uses it as its source port (no TCP self-connect). */
    private static int freePortBelowEphemeralRange() throws IOException {
        for (int port = 21000; port < 32000; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException e) {
                // taken
            }
        }
        throw new IOException("no free port between 21000 and 32000");
    }
}
