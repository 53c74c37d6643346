package dev.otlpdoctor.target;

import java.util.List;

/**
 * What the probes check for an exporter configuration: one target per distinct effective endpoint, and
 * the signals whose endpoint is not probed, with why.
 *
 * @param targets the endpoints to probe, each once, in signal order
 * @param notProbed one phrase per signal whose endpoint is left out (e.g. known only at run time)
 */
public record ExporterTargets(List<Target> targets, List<String> notProbed) {
    public ExporterTargets {
        targets = List.copyOf(targets);
        notProbed = List.copyOf(notProbed);
    }
}
