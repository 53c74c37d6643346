package dev.otlpdoctor.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A hung collector for {@link PathScenariosIT}: it listens on the ports it is given ({@code ADDRESS PORT...})
 * and never accepts, so the kernel completes every TCP handshake into the backlog and then nothing is ever
 * read or answered. It runs until it is killed.
 */
public final class StalledPeer {
    private StalledPeer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        InetAddress address = InetAddress.getByName(args[0]);
        List<ServerSocket> held = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(address, Integer.parseInt(args[i])), 128);
            held.add(server);
        }
        System.out.println("stalled on " + held.size() + " ports");
        Thread.currentThread().join(); // until killed
    }
}
