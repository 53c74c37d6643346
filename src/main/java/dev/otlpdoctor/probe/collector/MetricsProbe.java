package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.probe.net.DnsProbe;

/**
 * Reads the collector's own metrics (default {@code http://host:8888/metrics}) after the endpoint probes and
 * reports what its receivers refused, its processors refused or dropped, its exporters failed to send, and
 * how full the exporter queues are. With a scrape from before the endpoint probes ({@code --send-sample}) it
 * also says what grew during the run and where the sample went.
 */
public final class MetricsProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("collector-metrics", Scope.TARGET_AFTER)
            .needs(DnsProbe.class)
            .observes("the collector's own metrics (`--metrics-url`, default port 8888): refused, failed, queued and dropped items; with `--send-sample`, where the sample went")
            .reports("collector.*");

    @Override
    public ProbeInfo info() {
        return INFO;
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        MetricsScrape scrape = MetricsScrape.read(context, context.deadline().stepMillis());
        if (scrape.problem() != null) {
            findings.add(scrape.problem());
            return;
        }
        CollectorCounters before = context.facts().get(MetricsBaselineProbe.BEFORE).orElse(null);
        SampleLedger ledger = context.facts().get(MetricsBaselineProbe.SAMPLES).orElse(null);
        String sampleNote = ledger == null ? null
                : before == null ? "the scrape before the sample failed, so the sample cannot be followed"
                : ledger.items().isEmpty() ? "no OTLP probe recorded a sample the collector acknowledged, so there "
                        + "is nothing to follow" : null;
        new CounterFindings(scrape.url(), before, scrape.counters(), sampleNote).all().forEach(findings::add);
        if (ledger != null && before != null) {
            new SampleVerdict(scrape.url(), before, scrape.counters()).findings(ledger).forEach(findings::add);
        }
    }
}
