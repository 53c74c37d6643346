package dev.otlpdoctor.testing;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.ChainRunner;
import dev.otlpdoctor.probe.Facts;
import dev.otlpdoctor.probe.Probe;
import dev.otlpdoctor.probe.ProbeChain;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.target.Source;
import dev.otlpdoctor.target.Target;
import dev.otlpdoctor.target.TargetParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one probe, a few in order, or a sub-chain against a target (a fake server, a fixture host) without
 * the command line: the target is parsed as {@code check TARGET} parses it, the run has its own deadline.
 */
public final class ProbeHarness {
    private ProbeHarness() {
    }

    /** The target as {@code check TARGET} reads it, with the protocol decided by port. */
    public static Target target(String target) {
        return new TargetParser(Protocol.AUTO, "--protocol").parse(target, Source.argument(1));
    }

    /** A target-scope context for {@code target}, alone in a run of its own that ends after {@code timeout}. */
    public static ProbeContext context(String target, ProbeSettings settings, Duration timeout) {
        return new ProbeContext(target(target), null, settings, Deadline.after(timeout), new Facts(), null);
    }

    /** Runs {@code probes} in order on {@code context}, as the chain does (findings attributed to each probe). */
    public static List<Finding> run(ProbeContext context, Probe... probes) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        for (Probe probe : probes) {
            if (probe.appliesTo(context)) {
                probe.run(context, f -> findings.add(f.attributedTo(probe.id(), context.label())));
            }
        }
        return findings;
    }

    /** Runs {@code probes} as a chain through the real runner (scopes, skips, the deadline's cut-off). */
    public static List<ProbeRun> chain(Target target, ProbeSettings settings, Duration timeout, Probe... probes) {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "harness-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return new ChainRunner(new ProbeChain(List.of(probes)), executor, 1)
                    .run(List.of(target), settings, Deadline.after(timeout)).get(0);
        } finally {
            executor.shutdownNow();
        }
    }
}
