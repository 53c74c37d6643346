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
 * answers any bytes with an HTTP response whose body never ends; and the hostile-peer matrix of
 * docs/reliability.md (a GOAWAY at once, a reset after accept, a byte every 20 ms, a TLS handshake that
 * stalls, 1 MB of response headers, a redirect to another host, a lying Content-Length, a gRPC answer
 * whose length prefix claims 2 GiB, a server reflecting the request's headers).
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

    /** Speaks HTTP/2 first: a SETTINGS frame and a GOAWAY (last stream 0, NO_ERROR), and answers nothing more. */
    public static HostileServer goAwayAtOnce() throws IOException {
        return new HostileServer(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(frame(4, 0, 0, new byte[0]));
            out.write(frame(7, 0, 0, new byte[8]));
            out.flush();
            drain(socket.getInputStream());
        });
    }

    /** Accepts every connection and resets it at once (SO_LINGER 0, close): an RST right after the handshake. */
    public static HostileServer resetting() throws IOException {
        return new HostileServer(socket -> {
            socket.setSoLinger(true, 0);
            socket.close();
        });
    }

    /** Sends one byte of an endless HTTP/1.1 answer every 20 ms from the moment it accepts. */
    public static HostileServer trickling() throws IOException {
        return new HostileServer(socket -> {
            OutputStream out = socket.getOutputStream();
            byte[] text = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            for (long i = 0; !socket.isClosed(); i++) {
                out.write(i < text.length ? text[(int) i] : 'a');
                out.flush();
                pause(20);
            }
        });
    }

    /** Reads a TLS ClientHello, answers with the first bytes of a 16 KiB handshake record, and stalls. */
    public static HostileServer tlsStallingMidHandshake() throws IOException {
        return new HostileServer(socket -> {
            InputStream in = socket.getInputStream();
            if (in.read(new byte[4096]) < 0) {
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00, 0x02, 0x00, 0x00});
            out.flush();
            drain(in);
        });
    }

    /** Answers every HTTP/1.1 request with 200 and about 1 MB of response headers. */
    public static HostileServer hugeHeaders() throws IOException {
        return httpAnswer(() -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\n");
            for (int i = 0; i < 1024; i++) {
                head.append("X-Filler-").append(i).append(": ").append("f".repeat(1000)).append("\r\n");
            }
            return head.append("Content-Length: 0\r\n\r\n").toString();
        });
    }

    /** Answers every HTTP/1.1 request with a 307 to another host. */
    public static HostileServer redirectingElsewhere() throws IOException {
        return httpAnswer(() -> "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://other.invalid:4318/v1/traces"
                + "\r\nContent-Length: 0\r\n\r\n");
    }

    /** Answers every HTTP/1.1 request with a Content-Length of 10 MB, sends 100 bytes of it and stalls. */
    public static HostileServer lyingContentLength() throws IOException {
        return new HostileServer(socket -> {
            InputStream in = socket.getInputStream();
            if (in.read(new byte[65536]) < 0) {
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 10000000\r\n\r\n"
                    + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            drain(in);
        });
    }

    /**
     * Answers every HTTP/1.1 request with 400 and a body that repeats the request's header lines, as some
     * proxies do in their error pages.
     */
    public static HostileServer reflectingHeaders() throws IOException {
        return new HostileServer(socket -> {
            InputStream in = socket.getInputStream();
            String request = readHead(in);
            if (request == null) {
                return;
            }
            // The request's own headers first (as a proxy's error page lists them), so that even an excerpt shows them.
            StringBuilder body = new StringBuilder("bad request; you sent:\n");
            request.lines().skip(1).filter(l -> !l.matches("(?i)(host|user-agent|content-type|content-length|connection"
                    + "|accept-encoding):.*")).forEach(l -> body.append(l).append('\n'));
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            socket.close();
        });
    }

    /**
     * A plaintext HTTP/2 (prior knowledge) server that answers every request stream as gRPC: status 200,
     * a message whose length prefix claims 2 GiB followed by 16 bytes, and grpc-status 0 in the trailers.
     */
    public static HostileServer grpcHugeLengthPrefix() throws IOException {
        return new HostileServer(socket -> {
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            in.readFully(new byte[24]); // the client preface
            out.write(frame(4, 0, 0, new byte[0]));
            out.flush();
            byte[] head = new byte[9];
            while (true) {
                in.readFully(head);
                int length = ((head[0] & 0xff) << 16) | ((head[1] & 0xff) << 8) | (head[2] & 0xff);
                int type = head[3] & 0xff;
                int flags = head[4] & 0xff;
                int stream = java.nio.ByteBuffer.wrap(head, 5, 4).getInt() & 0x7fffffff;
                in.readFully(new byte[length]);
                if (type == 4 && (flags & 1) == 0) {
                    out.write(frame(4, 1, 0, new byte[0])); // SETTINGS ack
                } else if (type == 1) {
                    // :status 200 (static index 8), content-type (static name 31): application/grpc
                    byte[] headers = concat(new byte[] {(byte) 0x88, 0x0f, 0x10, 16},
                            "application/grpc".getBytes(StandardCharsets.US_ASCII));
                    out.write(frame(1, 4, stream, headers));
                    byte[] data = new byte[5 + 16];
                    data[1] = 0x7f;
                    data[2] = (byte) 0xff;
                    data[3] = (byte) 0xff;
                    data[4] = (byte) 0xff;
                    out.write(frame(0, 0, stream, data));
                    byte[] trailers = concat(new byte[] {0x00, 11}, "grpc-status".getBytes(StandardCharsets.US_ASCII),
                            new byte[] {1, '0'});
                    out.write(frame(1, 5, stream, trailers)); // END_HEADERS | END_STREAM
                }
                out.flush();
            }
        });
    }

    /** Answers every HTTP/1.1 request with exactly {@code response} (status line, headers, body). */
    public static HostileServer answering(String response) throws IOException {
        return httpAnswer(() -> response);
    }

    private interface Answer {
        String text();
    }

    /** Reads each HTTP/1.1 request head and writes {@code answer}; keeps the connection for the next one. */
    private static HostileServer httpAnswer(Answer answer) throws IOException {
        return new HostileServer(socket -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (String head = readHead(in); head != null; head = readHead(in)) {
                skipBody(in, head);
                out.write(answer.text().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        });
    }

    /** The request line and headers, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.toString();
            }
        }
        return null;
    }

    /** Skips the request body of the Content-Length in {@code head}. */
    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
    }

    private static byte[] frame(int type, int flags, int stream, byte[] payload) {
        return java.nio.ByteBuffer.allocate(9 + payload.length)
                .put((byte) (payload.length >> 16)).put((byte) (payload.length >> 8)).put((byte) payload.length)
                .put((byte) type).put((byte) flags).putInt(stream).put(payload).array();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** An http:// URL of this server with {@code path}, for probes that fetch a page. */
    public java.net.URI url(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port() + path);
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
