package dev.otlpdoctor.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A port forwarder for {@link PathScenariosIT}, started as {@code docker-proxy} with docker-proxy's own
 * arguments ({@code -proto tcp -host-ip 0.0.0.0 -host-port 4317 -container-ip 10.201.0.2 -container-port 4317}):
 * it holds the host port and passes every connection on to the container's address, as Docker's userland
 * proxy does. Like it, a connection the container refuses is accepted here first and then closed.
 */
public final class TcpForwarder {
    private static final int CONNECT_TIMEOUT_MS = 2000;

    private TcpForwarder() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("-host-ip", "-host-port", "-container-ip", "-container-port")) {
            if (!options.containsKey(required)) {
                System.err.println("docker-proxy stand-in: missing " + required);
                System.exit(2);
            }
        }
        InetSocketAddress inside = new InetSocketAddress(InetAddress.getByName(options.get("-container-ip")),
                Integer.parseInt(options.get("-container-port")));
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(options.get("-host-ip")),
                    Integer.parseInt(options.get("-host-port"))), 128);
            while (true) {
                Socket client = server.accept();
                daemon(() -> forward(client, inside));
            }
        }
    }

    private static void forward(Socket client, InetSocketAddress inside) {
        Socket upstream = new Socket();
        try {
            upstream.connect(inside, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Thread back = daemon(() -> pump(upstream, client));
        pump(client, upstream);
        try {
            back.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(client);
        closeQuietly(upstream);
    }

    /**
     * Copies one direction until end of stream, then half-closes the other side so the opposite direction
     * can still finish; on an error both sockets are closed, which ends the opposite direction too.
     */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed: nothing to release
        }
    }
}
