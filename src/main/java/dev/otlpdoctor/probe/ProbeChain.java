package dev.otlpdoctor.probe;

import java.util.List;

/**
 * The probes of a run in their fixed order (documented in docs/probes.md). Target-wide probes run
 * first, then each endpoint runs the endpoint probes; the order is the order of this list.
 */
public record ProbeChain(List<Probe> probes) {
    public ProbeChain {
        probes = List.copyOf(probes);
    }

    public List<Probe> ofScope(Scope scope) {
        return probes.stream().filter(p -> p.scope() == scope).toList();
    }
}
