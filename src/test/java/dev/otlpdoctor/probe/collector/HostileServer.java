package dev.otlpdoctor.probe.collector;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw loopback socket server that accepts and never answers, or answers a body that never ends. */
final class HostileServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread thread;

    private HostileServer(boolean endlessBody) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(endlessBody), "hostile-server");
        thread.setDaemon(true);
        thread.start();
    }

    static HostileServer silent() throws IOException {
        return new HostileServer(false);
    }

    static HostileServer endless() throws IOException {
        return new HostileServer(true);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    private void serve(boolean endlessBody) {
        try {
            while (true) {
                Socket client = socket.accept();
                synchronized (accepted) {
                    accepted.add(client);
                }
                if (endlessBody) {
                    Thread writer = new Thread(() -> writeForever(client), "hostile-writer");
                    writer.setDaemon(true);
                    writer.start();
                }
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private static void writeForever(Socket client) {
        try {
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] line = "otelcol_receiver_accepted_spans{receiver=\"otlp\",transport=\"grpc\"} 1\n"
                    .getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(line);
            }
        } catch (IOException closed) {
            // the client gave up, as it should
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
