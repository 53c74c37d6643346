package dev.otlpdoctor.probe.net;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Connects to every resolved address of an endpoint at once and classifies each attempt: open,
 * refused (an RST: nothing listens), timeout (SYN dropped: a firewall or a wrong address) or
 * unreachable (no route). Each attempt is bounded by the time left of the run's deadline.
 *
 * <p>The connection is closed right away. A collector logs such a connect-and-close on its gRPC port
 * as a transport error about a missing client preface; the protocol probes that follow do a real exchange.
 */
public final class TcpProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("tcp", Scope.ENDPOINT)
            .needs(DnsProbe.class)
            .observes("a TCP connect to every address at once: open (latency), refused (RST), timeout (SYN dropped), unreachable (no route)")
            .reports("tcp.open", "tcp.refused", "tcp.timeout", "tcp.unreachable");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /** The addresses of the endpoint that accepted a connection. */
    public static final Fact<List<InetSocketAddress>> OPEN_ADDRESSES = Fact.named("open-addresses");

    @Override
    public void run(ProbeContext context, FindingSink findings) throws InterruptedException {
        List<InetAddress> addresses = context.facts().get(DnsProbe.ADDRESSES).orElseThrow();
        int port = context.endpoint().port();
        List<Future<Attempt>> attempts = new ArrayList<>();
        for (InetAddress address : addresses) {
            InetSocketAddress socketAddress = new InetSocketAddress(address, port);
            attempts.add(context.executor().submit(() -> connect(socketAddress, context.deadline().stepMillis())));
        }
        List<Attempt> done = new ArrayList<>();
        for (Future<Attempt> attempt : attempts) {
            try {
                done.add(attempt.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("connect attempt failed unexpectedly", e.getCause());
            }
        }
        List<InetSocketAddress> open = done.stream().filter(a -> a.kind == Kind.OPEN).map(a -> a.address).toList();
        context.facts().put(OPEN_ADDRESSES, open);
        for (Attempt attempt : done) {
            findings.add(toFinding(attempt, !open.isEmpty()));
        }
    }

    private enum Kind { OPEN, REFUSED, TIMEOUT, UNREACHABLE }

    private record Attempt(InetSocketAddress address, Kind kind, long elapsedMs, String reason) {
    }

    private static Attempt connect(InetSocketAddress address, int timeoutMillis) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            if (isSelfConnect(socket)) {
                // The kernel picked the target port as source port and the socket connected to itself:
                // nothing listens there, exactly as a refusal says.
                return new Attempt(address, Kind.REFUSED, Deadline.millisSince(start), "connected to itself: nothing listens");
            }
            return new Attempt(address, Kind.OPEN, Deadline.millisSince(start), "");
        } catch (SocketTimeoutException e) {
            return new Attempt(address, Kind.TIMEOUT, Deadline.millisSince(start), "timed out");
        } catch (NoRouteToHostException e) {
            return new Attempt(address, Kind.UNREACHABLE, Deadline.millisSince(start), reason(e, "no route to host"));
        } catch (IOException e) {
            // e.g. "Connection refused"; "Network is unreachable", "Cannot assign requested address" (no IPv6 route)
            String message = reason(e, e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName());
            if (message.contains("reset")) {
                // The handshake completed and the peer reset the connection before connect() returned (the
                // kernel reports the RST as the socket's error): something listens there and hangs up, the
                // same port that at other times reads as open and then resets. The protocol probe names it.
                return new Attempt(address, Kind.OPEN, Deadline.millisSince(start), "accepted, then reset");
            }
            Kind kind = e instanceof ConnectException && message.contains("refused") ? Kind.REFUSED : Kind.UNREACHABLE;
            return new Attempt(address, kind, Deadline.millisSince(start), message);
        }
    }

    private static boolean isSelfConnect(Socket socket) {
        return socket.getLocalPort() == socket.getPort() && socket.getLocalAddress().equals(socket.getInetAddress());
    }

    private static Finding toFinding(Attempt attempt, boolean anotherAddressOpen) {
        String address = attempt.address.getAddress().getHostAddress();
        Finding.Builder builder;
        switch (attempt.kind) {
            case OPEN:
                return NetworkCodes.TCP_OPEN.finding()
                        .evidence("address", address)
                        .evidence("port", attempt.address.getPort())
                        .evidence("family", family(attempt.address))
                        .evidence("latencyMs", attempt.elapsedMs)
                        .detail("A TCP connection to {address} port {port} was established in {latencyMs} ms.")
                        .build();
            case REFUSED:
                builder = NetworkCodes.TCP_REFUSED.finding()
                        .detail("The connection to {address} port {port} was refused at once "
                                + "(a reset after {elapsedMs} ms): no program listens on that address and port.")
                        .evidence("elapsedMs", attempt.elapsedMs);
                break;
            case TIMEOUT:
                builder = NetworkCodes.TCP_TIMEOUT.finding()
                        .detail("The connection attempt to {address} port {port} got no answer at all "
                                + "in {waitedMs} ms: the packets are dropped on the way or there is no host.")
                        .evidence("waitedMs", attempt.elapsedMs);
                break;
            default:
                builder = NetworkCodes.TCP_UNREACHABLE.finding()
                        .detail("Connecting to {address} port {port} failed at once: {reason}.")
                        .evidence("reason", attempt.reason)
                        .evidence("elapsedMs", attempt.elapsedMs);
                break;
        }
        builder.evidence("address", address)
                .evidence("port", attempt.address.getPort())
                .evidence("family", family(attempt.address));
        if (anotherAddressOpen) {
            // Clients that try this address first fail or wait before falling back: worth a warning,
            // but the endpoint is reachable.
            builder.severity(Severity.WARN)
                    .step("Another address of this host accepts connections: make the collector listen on "
                            + "{address} too (e.g. endpoint: \"[::]:{port}\" for IPv4 and IPv6), or make the "
                            + "application's host name resolve only to the working address.");
        }
        return builder.build();
    }

    private static String family(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? "IPv6" : "IPv4";
    }

    private static String reason(IOException e, String fallback) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return fallback;
        }
        // java.net appends " (Connection refused)" style suffixes on some platforms; keep one lower-case phrase.
        int paren = message.indexOf(" (");
        return (paren > 0 ? message.substring(0, paren) : message).toLowerCase(Locale.ROOT);
    }
}
