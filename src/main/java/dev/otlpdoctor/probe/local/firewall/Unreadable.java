package dev.otlpdoctor.probe.local.firewall;

import java.net.InetAddress;
import java.util.Optional;

/** A ruleset that could not be read: it has no verdicts, only the reason. */
record Unreadable(String reason) implements FirewallView {

    @Override
    public Optional<String> unavailable() {
        return Optional.of(reason);
    }

    /** Never a guess: callers look at {@link #unavailable()} first. */
    @Override
    public FirewallVerdict verdictFor(InetAddress address, int port) {
        throw new IllegalStateException("the ruleset was not read: " + reason);
    }

    @Override
    public Optional<Dnat> dnatFor(InetAddress address, int port) {
        throw new IllegalStateException("the ruleset was not read: " + reason);
    }
}
