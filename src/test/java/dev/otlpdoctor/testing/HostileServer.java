package dev.otlpdoctor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Raw loopback servers that misbehave: one greets with garbage, one accepts and never answers, one
 * answers any bytes with an HTTP response whose body never ends.
 */
public final class HostileServer implements AutoCloseable {
    private interface Behaviour {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket listener;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private HostileServer(Behaviour behaviour) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    accepted.add(socket);
                    Thread worker = new Thread(() -> {
                        try {
                            behaviour.serve(socket);
                        } catch (IOException e) {
                            // the client went away: expected
                        }
                    }, "hostile-worker");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "hostile-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Sends bytes that are no known protocol as soon as a client connects. */
    public static HostileServer garbage() throws IOException {
        return new HostileServer(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x00, (byte) 0xff, 0x13, 0x37});
            out.write("zxq garbage\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            drain(socket.getInputStream());
        });
    }

    /** Accepts connections and never sends a byte. */
    public static HostileServer silent() throws IOException {
        return new HostileServer(socket -> drain(socket.getInputStream()));
    }

    /** Answers the first bytes of any request with {@code 200 text/html} and a body that never ends. */
    public static HostileServer endlessBody() throws IOException {
        return new HostileServer(socket -> {
            InputStream in = socket.getInputStream();
            if (in.read(new byte[4096]) < 0) {
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nServer: endless\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "<p>more</p>".repeat(100).getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
            }
        });
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // discard until the client closes
        }
    }
}
