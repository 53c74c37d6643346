package dev.otlpdoctor.probe;

import java.util.List;

/**
 * A probe's documentation, kept with its code so that docs/probes.md, generated from it, cannot drift.
 *
 * @param observes what the probe looks at, in one sentence for the chain's table
 * @param codes the finding codes it reports: exact codes, or a family as {@code tls.*}
 */
public record ProbeDoc(String observes, List<String> codes) {
    public ProbeDoc {
        codes = List.copyOf(codes);
    }

    public static ProbeDoc of(String observes, String... codes) {
        return new ProbeDoc(observes, List.of(codes));
    }
}
