package dev.otlpdoctor.probe;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.otlp.SecretMask;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.RunCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs the probes of one scope (a target, or one endpoint of it) in order and records their results as
 * they finish, so that the runner can report what was done when the deadline cuts the chain short.
 */
final class ChainLog {
    private final List<Probe> probes;
    private final ProbeContext context;
    private final ChainLog parent;
    private final AtomicReferenceArray<ProbeRun> results;
    private volatile int current = -1;
    private volatile long currentStartNanos;
    private volatile RuntimeException failure;
    /** Header values sent: a peer may repeat them in what it answers, and findings quote peers. */
    private final SecretMask secrets;

    ChainLog(List<Probe> candidates, ProbeContext context, ChainLog parent, SecretMask secrets) {
        this.probes = candidates.stream().filter(p -> p.appliesTo(context)).toList();
        this.context = context;
        this.parent = parent;
        this.results = new AtomicReferenceArray<>(probes.size());
        this.secrets = secrets;
    }

    /**
     * The one result of a target the deadline came before it started: its first probe, skipped with the
     * reason (the rest of its chain was never set up).
     */
    static ProbeRun neverStarted(Probe first, String label, Deadline deadline) {
        String reason = "the run's deadline (--timeout " + format(deadline) + ") was reached before it started";
        Finding finding = RunCodes.PROBE_SKIPPED.finding()
                .param("probe", first.id())
                .evidence("reason", reason)
                .param("reason", reason)
                .detail("The " + first.id() + " probe did not run because " + reason + ".")
                .build()
                .attributedTo(first.id(), label);
        return ProbeRun.of(first.id(), label, 0, List.of(finding));
    }

    /** Runs every probe in order; returns early when interrupted. */
    void execute() {
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            Optional<String> skipReason = skipReason(probe);
            if (skipReason.isPresent()) {
                results.set(i, skipped(probe, skipReason.get()));
                continue;
            }
            current = i;
            currentStartNanos = System.nanoTime();
            List<Finding> findings = new ArrayList<>();
            try {
                probe.run(context, f -> {
                    Finding attributed = f.attributedTo(probe.id(), context.label());
                    synchronized (findings) {
                        findings.add(secrets.isEmpty() ? attributed : attributed.masked(secrets::apply));
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failure = e;
                return;
            }
            synchronized (findings) {
                results.set(i, ProbeRun.of(probe.id(), context.label(), Deadline.millisSince(currentStartNanos), findings));
            }
        }
        current = probes.size();
    }

    /** Results in chain order; probes that did not finish are reported as skipped, with the reason. */
    List<ProbeRun> results() {
        List<ProbeRun> out = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            ProbeRun run = results.get(i);
            if (run == null) {
                Probe probe = probes.get(i);
                String reason = i == current
                        ? "the run's deadline (--timeout " + formatDuration() + ") was reached while it ran"
                        : "the run's deadline (--timeout " + formatDuration() + ") was reached before it started";
                run = skipped(probe, reason);
            }
            out.add(run);
        }
        return out;
    }

    RuntimeException failure() {
        return failure;
    }

    /** The result of a probe of this chain or its parent's, if it has finished. */
    private Optional<ProbeRun> resultOf(Class<? extends Probe> type) {
        for (int i = 0; i < probes.size(); i++) {
            if (type.isInstance(probes.get(i))) {
                return Optional.ofNullable(results.get(i));
            }
        }
        return parent == null ? Optional.empty() : parent.resultOf(type);
    }

    private Optional<String> skipReason(Probe probe) {
        if (context.deadline().expired()) {
            return Optional.of("the run's deadline (--timeout " + formatDuration() + ") was reached before it started");
        }
        for (Class<? extends Probe> required : probe.info().needs()) {
            Optional<ProbeRun> dependency = resultOf(required);
            if (dependency.isPresent() && dependency.get().blocksDependents()) {
                ProbeRun dep = dependency.get();
                String why = dep.findings().stream()
                        .filter(f -> f.severity() == dep.status())
                        .map(Finding::title)
                        .findFirst()
                        .orElse(dep.status().label());
                return Optional.of("it needs " + dep.probe() + ", which " + (dep.status() == Severity.SKIP
                        ? "was skipped" : "failed") + " (" + why + ")");
            }
        }
        return Optional.empty();
    }

    private ProbeRun skipped(Probe probe, String reason) {
        // The title keeps the reason short ("it needs tcp, which failed"); evidence and detail say why.
        int why = reason.indexOf(" (");
        Finding finding = RunCodes.PROBE_SKIPPED.finding()
                .param("probe", probe.id())
                .evidence("reason", reason)
                .param("reason", why > 0 && reason.startsWith("it needs ") ? reason.substring(0, why) : reason)
                .detail("The " + probe.id() + " probe did not run because " + reason + ".")
                .build()
                .attributedTo(probe.id(), context.label());
        return ProbeRun.of(probe.id(), context.label(), 0, List.of(finding));
    }

    private String formatDuration() {
        return format(context.deadline());
    }

    private static String format(Deadline deadline) {
        long ms = deadline.total().toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
