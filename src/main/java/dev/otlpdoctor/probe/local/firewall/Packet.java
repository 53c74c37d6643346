package dev.otlpdoctor.probe.local.firewall;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The first packet (a SYN) of a new TCP connection at one hook.
 *
 * @param source its source address: a connection to this machine's own address leaves from that address;
 *               null when not known (another host)
 * @param address its destination
 * @param port its destination port
 * @param inputInterface the interface it came in on ({@code lo} at the input hook), null when it is one other
 *                       than {@code lo} whose name is not known (a packet from another host)
 * @param outputInterface the interface it leaves on ({@code lo} at the output hook), null when not known
 * @param dnatted whether a DNAT rule already rewrote its destination
 */
record Packet(InetAddress source, InetAddress address, int port, String inputInterface, String outputInterface, boolean dnatted) {

    boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** At the output hook: locally generated, so no input interface; looped back over {@code lo}. */
    static Packet leaving(InetAddress address, int port) {
        return new Packet(address, address, port, "", "lo", false);
    }

    /** At the input hook, after the loopback: in on {@code lo}, no output interface. */
    Packet arriving() {
        return new Packet(source, address, port, "lo", "", dnatted);
    }

    /** A connection from another host: neither its source nor the interface it arrives on is known. */
    static Packet fromElsewhere(InetAddress address, int port) {
        return new Packet(null, address, port, null, "", false);
    }

    Packet redirectedTo(InetAddress newAddress, int newPort) {
        return new Packet(source, newAddress, newPort, inputInterface, outputInterface, true);
    }
}
