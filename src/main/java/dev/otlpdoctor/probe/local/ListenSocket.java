package dev.otlpdoctor.probe.local;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One TCP socket in the LISTEN state, as /proc/net/tcp or /proc/net/tcp6 lists it.
 *
 * @param address the bound address; IPv4-mapped IPv6 addresses ({@code ::ffff:127.0.0.1}) are given as
 *                the IPv4 address they map, since that is what they accept
 * @param port the bound port
 * @param inode the socket's inode, which /proc/PID/fd links name as {@code socket:[inode]}
 * @param uid the user id of the socket's owner, known even when its process is not
 */
public record ListenSocket(InetAddress address, int port, long inode, int uid) {

    /** {@code 0.0.0.0} or {@code ::}. */
    public boolean wildcard() {
        return address.isAnyLocalAddress();
    }

    public boolean loopback() {
        return address.isLoopbackAddress();
    }

    /**
     * Whether a connection to {@code target} on this socket's port reaches this socket. An IPv6 wildcard
     * socket also accepts IPv4 unless the kernel makes IPv6 sockets IPv6-only
     * ({@code /proc/sys/net/ipv6/bindv6only}), which is how Go programs such as the collector listen on
     * {@code [::]} or {@code :4317}.
     */
    public boolean accepts(InetAddress target, boolean bindV6Only) {
        if (wildcard()) {
            if (address instanceof Inet4Address) {
                return target instanceof Inet4Address;
            }
            return target instanceof Inet6Address || !bindV6Only;
        }
        return address.equals(target);
    }

    /** {@code 127.0.0.1:4317} or {@code [::]:4317}: the form {@code ss} prints. */
    public String label() {
        String host = Addresses.text(address);
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
