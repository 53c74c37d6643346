package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.Scope;
import java.util.List;

/**
 * Reads the collector's own metrics (default {@code http://host:8888/metrics}) after the endpoint probes and
 * reports what its receivers refused, its processors refused or dropped, its exporters failed to send, and
 * how full the exporter queues are. With a scrape from before the endpoint probes ({@code --send-sample}) it
 * also says what grew during the run and where the sample went.
 */
public final class MetricsProbe implements Probe {
    @Override
    public String id() {
        return "collector-metrics";
    }

    @Override
    public Scope scope() {
        return Scope.TARGET_AFTER;
    }

    @Override
    public List<String> requires() {
        return List.of("dns");
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        MetricsScrape scrape = MetricsScrape.read(context, context.deadline().remainingMillis());
        if (scrape.problem() != null) {
            findings.add(scrape.problem());
            return;
        }
        CollectorCounters before = context.facts().get(MetricsBaselineProbe.BEFORE).orElse(null);
        CounterFindings counterFindings = new CounterFindings(scrape.url(), before, scrape.counters());
        counterFindings.all().forEach(findings::add);
        context.facts().get(MetricsBaselineProbe.SAMPLES).ifPresent(ledger -> {
            if (before != null) {
                new SampleVerdict(scrape.url(), before, scrape.counters()).findings(ledger).forEach(findings::add);
            }
        });
    }
}
