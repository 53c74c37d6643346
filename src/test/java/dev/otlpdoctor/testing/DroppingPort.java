package dev.otlpdoctor.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port that drops connection attempts the way a firewall does: a listening socket that
 * never accepts, whose accept queue is filled, so the kernel silently drops further SYNs.
 */
public final class DroppingPort implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();

    public DroppingPort() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        for (int attempt = 0; attempt < 64; attempt++) {
            Socket socket = new Socket();
            try {
                socket.connect(address, 200);
                held.add(socket);
            } catch (SocketTimeoutException e) {
                socket.close();
                return; // the queue is full: from now on SYNs are dropped
            }
        }
        close();
        throw new IllegalStateException("the accept queue never filled up; cannot simulate dropped SYNs here");
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : held) {
            socket.close();
        }
        server.close();
    }
}
