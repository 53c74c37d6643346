package dev.otlpdoctor.probe.local.firewall;

import java.nio.file.Path;
import java.util.Map;

/**
 * What reading a machine's firewall needs of that machine: its {@code /proc}, how its paths are shown to
 * the user, and the environment its programs ({@code nft}, {@code iptables-save}) run with. The local
 * probes' host view provides it; a fixture tree stands in for it in tests.
 */
public interface FirewallHost {

    /** A path under /proc, e.g. {@code proc("net", "fib_trie")}. */
    Path proc(String... parts);

    /** The path as the user knows it on the machine. */
    String display(Path path);

    /** The search path and locale the machine's programs run with. */
    Map<String, String> programEnvironment();
}
