package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.probe.ProbeContext;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a target is this machine: {@code --local} (or not, {@code --no-local}), {@code localhost}, this machine's host name, a
 * loopback or wildcard address, or an address of one of its interfaces. Decided from the target as
 * written, without a DNS lookup (the chain decides which probes apply before any probe runs); a name
 * that resolves to this machine some other way needs {@code --local}.
 */
public final class LocalTarget {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LocalTarget() {
    }

    public static boolean isLocal(ProbeContext context, HostFs fs) {
        switch (context.settings().local()) {
            case ALWAYS:
                return true;
            case NEVER:
                return false;
            default:
                break;
        }
        String host = context.target().host().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("localhost.")) {
            return true;
        }
        InetAddress literal = literal(host);
        if (literal != null) {
            return literal.isLoopbackAddress() || literal.isAnyLocalAddress() || InterfaceAddresses.ALL.contains(literal);
        }
        return host.equals(fs.hostName());
    }

    /** The address of an IP literal; null for a name (no lookup is made). */
    public static InetAddress literal(String host) {
        if (!IPV4.matcher(host).matches() && host.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * This machine's interface addresses, listed once per process: every local probe of every target asks,
     * and a fleet of IP targets would otherwise list them a thousand times.
     */
    private static final class InterfaceAddresses {
        static final List<InetAddress> ALL = read();

        private static List<InetAddress> read() {
            try {
                return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                        .flatMap(NetworkInterface::inetAddresses)
                        .toList();
            } catch (SocketException e) {
                return List.of();
            }
        }
    }
}
