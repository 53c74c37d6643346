package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.probe.Fact;
import dev.otlpdoctor.probe.FindingSink;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.Scope;
import java.util.List;

/**
 * With {@code --send-sample}: reads the collector's counters before the endpoint probes send the sample,
 * so that {@link MetricsProbe} can tell afterwards what became of it. It gets a fifth of the time left
 * (at most a second): a metrics port that hangs must not starve the OTLP probes.
 */
public final class MetricsBaselineProbe implements Probe {
    /** The counters before the endpoint chains ran. */
    static final Fact<CollectorCounters> BEFORE = Fact.named("collector-counters-before");
    /** Where endpoint probes record the samples they sent; present only with {@code --send-sample}. */
    public static final Fact<SampleLedger> SAMPLES = Fact.named("collector-sample-ledger");

    private static final long MAX_BUDGET_MILLIS = 1000;

    @Override
    public String id() {
        return "collector-metrics-before";
    }

    @Override
    public Scope scope() {
        return Scope.TARGET;
    }

    @Override
    public List<String> requires() {
        return List.of("dns");
    }

    @Override
    public boolean appliesTo(ProbeContext context) {
        return context.settings().sendSample();
    }

    @Override
    public void run(ProbeContext context, FindingSink findings) {
        context.facts().put(SAMPLES, new SampleLedger());
        long budget = Math.max(1, Math.min(MAX_BUDGET_MILLIS, context.deadline().remainingMillis() / 5));
        MetricsScrape scrape = MetricsScrape.read(context, budget);
        if (scrape.problem() != null) {
            findings.add(scrape.problem());
            return;
        }
        context.facts().put(BEFORE, scrape.counters());
    }
}
