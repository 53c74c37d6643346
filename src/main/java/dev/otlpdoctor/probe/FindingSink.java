package dev.otlpdoctor.probe;

import dev.otlpdoctor.report.Finding;

/** Where a probe puts what it observed. Probes never print; the chain runner collects. */
@FunctionalInterface
public interface FindingSink {
    void add(Finding finding);
}
