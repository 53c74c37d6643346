package dev.otlpdoctor.probe.net;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.report.catalog.NetworkCodes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Resolves the target's host to all its IPv4 and IPv6 addresses, as the application's resolver would.
 * The system resolver has no timeout of its own, so the lookup runs on a helper thread and the probe
 * stops waiting at the run's deadline.
 */
public final class DnsProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("dns", Scope.TARGET)
            .observes("every IPv4 and IPv6 address of the host, via the system resolver (bounded: the resolver has no timeout of its own); a name other than `localhost` that resolves only to loopback")
            .reports("dns.resolved", "dns.unresolved", "dns.timeout", "dns.loopback");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /** Every address the host resolved to, in the resolver's order (the order clients try them). */
    public static final Fact<List<InetAddress>> ADDRESSES = Fact.named("addresses");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    @Override
    public void run(ProbeContext context, FindingSink findings) throws InterruptedException {
        String host = context.target().host();
        boolean literal = IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
        long start = System.nanoTime();
        Future<InetAddress[]> lookup = context.executor().submit(() -> InetAddress.getAllByName(host));
        InetAddress[] resolved;
        try {
            resolved = lookup.get(context.deadline().stepMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            findings.add(NetworkCodes.DNS_TIMEOUT.finding()
                    .evidence("host", host)
                    .evidence("waitedMs", Deadline.millisSince(start))
                    .detail("The system resolver did not answer for '{host}' within {waitedMs} ms.")
                    .build());
            return;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof UnknownHostException)) {
                throw new IllegalStateException("unexpected resolver failure for " + host, cause);
            }
            if (resolverGaveUp(cause.getMessage())) {
                findings.add(NetworkCodes.DNS_TIMEOUT.finding()
                        .evidence("host", host)
                        .evidence("waitedMs", Deadline.millisSince(start))
                        .evidence("resolver", cause.getMessage())
                        .detail("The system resolver gave up on '{host}' after {waitedMs} ms without an answer ("
                                + "'{resolver}'): no name server answered. That is not proof the name does not exist.")
                        .build());
                return;
            }
            findings.add(NetworkCodes.DNS_UNRESOLVED.finding()
                    .evidence("host", host)
                    .evidence("lookupMs", Deadline.millisSince(start))
                    .detail("The system resolver returned no address for '{host}'.")
                    .build());
            return;
        }
        List<InetAddress> addresses = Arrays.asList(resolved);
        context.facts().put(ADDRESSES, addresses);
        List<String> texts = addresses.stream().map(InetAddress::getHostAddress).toList();
        findings.add(NetworkCodes.DNS_RESOLVED.finding()
                .evidence("host", host)
                .evidence("addresses", texts)
                .evidence("lookupMs", Deadline.millisSince(start))
                .param("addresses", String.join(", ", texts))
                .detail(literal ? "'{host}' is an address literal: no lookup was needed."
                        : "The system resolver returned " + texts.size() + " address(es) in {lookupMs} ms.")
                .build());
        if (!literal && addresses.stream().allMatch(InetAddress::isLoopbackAddress) && !namesThisMachine(host)) {
            findings.add(NetworkCodes.DNS_LOOPBACK.finding()
                    .evidence("host", host)
                    .evidence("addresses", texts)
                    .param("addresses", String.join(", ", texts))
                    .detail("'{host}' is not 'localhost', yet every address it resolves to is a loopback address.")
                    .build());
        }
    }

    /**
     * Whether the lookup failed because no name server answered (glibc's EAI_AGAIN, "Temporary failure in
     * name resolution", after its own timeouts and retries) rather than because the name does not exist
     * (EAI_NONAME, "Name or service not known").
     */
    static boolean resolverGaveUp(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return text.contains("temporary failure") || text.contains("try again");
    }

    /** {@code localhost} and this machine's own name are expected to resolve to loopback. */
    private static boolean namesThisMachine(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("localhost.")) {
            return true;
        }
        try {
            String own = Files.readString(KERNEL_HOSTNAME, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
            return name.equals(own) || name.startsWith(own + ".");
        } catch (IOException | RuntimeException e) {
            return false; // not Linux: cannot tell, so do not warn about the machine's own name
        }
    }
}
