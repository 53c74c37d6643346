package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.collector.MetricsBaselineProbe;

/**
 * With {@code --send-sample}, tells the collector probes how many sample items an endpoint accepted, so
 * that the scrape after the endpoint chains can follow them through the collector's own counters. Each
 * sample request holds one item (one span, one metric data point or one log record).
 */
final class SampleRecord {
    private SampleRecord() {
    }

    static void accepted(ProbeContext context, Signal signal, int requests) {
        if (context.settings().sendSample()) {
            context.facts().get(MetricsBaselineProbe.SAMPLES).ifPresent(ledger -> ledger.sent(signal, requests));
        }
    }
}
