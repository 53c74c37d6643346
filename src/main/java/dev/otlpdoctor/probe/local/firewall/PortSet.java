package dev.otlpdoctor.probe.local.firewall;

import java.util.List;

/** Ports a rule matches: single ports and inclusive ranges. */
record PortSet(List<int[]> ranges) {

    boolean contains(int port) {
        return ranges.stream().anyMatch(r -> port >= r[0] && port <= r[1]);
    }

    static PortSet of(int low, int high) {
        return new PortSet(List.<int[]>of(new int[] {low, high}));
    }
}
