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

/**
 * A raw loopback socket server that accepts and never answers, or answers a body that never ends: either
 * as fast as it can (hits the byte cap) or one line at a time (hits the deadline).
 */
final class HostileServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread thread;

    private final long pauseMillis;

    private HostileServer(boolean endlessBody, long pauseMillis) throws IOException {
        this.pauseMillis = pauseMillis;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(endlessBody), "hostile-server");
        thread.setDaemon(true);
        thread.start();
    }

    static HostileServer silent() throws IOException {
        return new HostileServer(false, 0);
    }

    static HostileServer endless() throws IOException {
        return new HostileServer(true, 0);
    }

    static HostileServer trickling() throws IOException {
        return new HostileServer(true, 20);
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

    private void writeForever(Socket client) {
        try {
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] line = "otelcol_receiver_accepted_spans{receiver=\"otlp\",transport=\"grpc\"} 1\n"
                    .getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(line);
                if (pauseMillis > 0) {
                    out.flush();
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
