package dev.otlpdoctor.listen.tally;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formats a peer address as {@code 127.0.0.1:51234} or {@code [::1]:51234}. */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String format(SocketAddress address) {
        if (!(address instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return String.valueOf(address);
        }
        return hostForUrl(inet.getAddress()) + ":" + inet.getPort();
    }

    /** An address as it goes into a URL: IPv6 in brackets, without a zone for loopback. */
    public static String hostForUrl(java.net.InetAddress address) {
        String host = address.getHostAddress();
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + host + "]" : host;
    }
}
