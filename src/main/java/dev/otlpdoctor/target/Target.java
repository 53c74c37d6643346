package dev.otlpdoctor.target;

import java.util.List;

/**
 * A parsed TARGET: one host and the endpoints (ports) on it to check.
 *
 * @param input the text the user gave, with any password redacted
 * @param host the host name or address literal (IPv6 without brackets)
 * @param endpoints the ports to probe, in the order they are reported
 * @param source where the target came from
 */
public record Target(String input, String host, List<Endpoint> endpoints, Source source) {
    public Target {
        endpoints = List.copyOf(endpoints);
    }
}
