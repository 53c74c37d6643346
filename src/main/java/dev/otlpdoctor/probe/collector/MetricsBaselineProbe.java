package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeInfo;
import dev.otlpdoctor.probe.Scope;
import dev.otlpdoctor.probe.net.DnsProbe;
import java.time.Duration;

/**
 * With {@code --send-sample}: reads the collector's counters before the endpoint probes send the sample,
 * so that {@link MetricsProbe} can tell afterwards what became of it. It gets a fifth of the time left
 * (at most a second): a metrics port that hangs must not starve the OTLP probes.
 */
public final class MetricsBaselineProbe implements Probe {
    private static final ProbeInfo INFO = ProbeInfo.of("collector-metrics-before", Scope.TARGET)
            .needs(DnsProbe.class)
            .observes("with `--send-sample`: the collector's own counters before anything is sent, read by `collector-metrics`");

    @Override
    public ProbeInfo info() {
        return INFO;
    }
    /** The counters before the endpoint chains ran. */
    static final Fact<CollectorCounters> BEFORE = Fact.named("collector-counters-before");
    /** Where endpoint probes record the samples they sent; present only with {@code --send-sample}. */
    public static final Fact<SampleLedger> SAMPLES = Fact.named("collector-sample-ledger");

    private static final Duration MAX_BUDGET = Duration.ofSeconds(1);

    @Override
    public boolean appliesTo(ProbeContext context) {
        return context.settings().sendSample();
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        context.facts().put(SAMPLES, new SampleLedger());
        long budget = context.deadline().stepMillis(5, MAX_BUDGET);
        MetricsScrape scrape = MetricsScrape.read(context, budget);
        if (scrape.problem() != null) {
            findings.add(scrape.problem());
            return;
        }
        context.facts().put(BEFORE, scrape.counters());
    }
}
