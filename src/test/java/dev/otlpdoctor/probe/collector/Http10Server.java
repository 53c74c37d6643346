package dev.otlpdoctor.probe.collector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A loopback server that answers every request with HTTP/1.0 and closes the connection, as simple
 * servers and proxies do: a client that keeps connections for reuse fails its next request.
 */
final class Http10Server implements AutoCloseable {
    private final ServerSocket socket;
    private final Map<String, String> bodies;

    Http10Server(Map<String, String> bodies) throws IOException {
        this.bodies = Map.copyOf(bodies);
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "http10-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                String requestLine = in.readLine();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // skip the headers
                }
                String path = requestLine == null ? "" : requestLine.split(" ")[1];
                String body = bodies.getOrDefault(path, "404 page not found\n");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.0 " + (bodies.containsKey(path) ? "200 OK" : "404 Not Found") + "\r\nContent-Length: "
                        + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // closed by the test, or a client that went away
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
