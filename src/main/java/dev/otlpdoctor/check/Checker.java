package dev.otlpdoctor.check;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.diagnose.Diagnoser;
import dev.otlpdoctor.diagnose.PathFacts;
import dev.otlpdoctor.diagnose.TargetVerdict;
import dev.otlpdoctor.probe.ChainRunner;
import dev.otlpdoctor.probe.ProbeChain;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.probe.RunProgress;
import dev.otlpdoctor.probe.collector.HealthProbe;
import dev.otlpdoctor.probe.collector.MetricsBaselineProbe;
import dev.otlpdoctor.probe.collector.MetricsProbe;
import dev.otlpdoctor.probe.local.BindingProbe;
import dev.otlpdoctor.probe.local.ConflictProbe;
import dev.otlpdoctor.probe.local.FirewallProbe;
import dev.otlpdoctor.probe.local.HostFs;
import dev.otlpdoctor.probe.local.LocalPaths;
import dev.otlpdoctor.probe.local.ProcessConfigProbe;
import dev.otlpdoctor.probe.local.ProcessProbe;
import dev.otlpdoctor.probe.local.service.ServiceProbe;
import dev.otlpdoctor.probe.net.DnsProbe;
import dev.otlpdoctor.probe.net.TcpProbe;
import dev.otlpdoctor.probe.otlp.GrpcProbe;
import dev.otlpdoctor.probe.otlp.HttpProbe;
import dev.otlpdoctor.probe.otlp.ProtocolProbe;
import dev.otlpdoctor.probe.otlp.SignalPaths;
import dev.otlpdoctor.probe.tls.TlsProbe;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.TargetResult;
import dev.otlpdoctor.target.Target;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code check} use case: carries out a {@link CheckPlan} under one deadline (run-wide steps, the
 * probe chain on every target, each target's diagnosis). The standard chain's order is documented in docs/probes.md.
 */
public final class Checker {

    /** The probes of {@code check}, in chain order. */
    public static ProbeChain standardChain() {
        return standardChain(HostFs.system());
    }

    /** The standard chain with the local probes reading {@code host} (a fixture tree in tests). */
    public static ProbeChain standardChain(HostFs host) {
        return standardChain(host, System.getenv());
    }

    /**
     * The standard chain with the local probes reading {@code host} and running host programs (systemctl,
     * journalctl) from the PATH of {@code env} (stand-in scripts in tests).
     */
    public static ProbeChain standardChain(HostFs host, Map<String, String> env) {
        return new ProbeChain(List.of(
                new DnsProbe(),
                new FirewallProbe(host),
                new ProcessProbe(host),
                new ServiceProbe(host, env),
                new ProcessConfigProbe(host),
                new BindingProbe(host),
                new ConflictProbe(host),
                new MetricsBaselineProbe(),
                new TcpProbe(),
                new TlsProbe(),
                new ProtocolProbe(),
                new GrpcProbe(),
                new HttpProbe(),
                new HealthProbe(),
                new MetricsProbe()));
    }

    private final ProbeChain chain;
    private final int parallelTargets;

    /** @param parallelTargets how many targets are probed at once ({@code --parallel}) */
    public Checker(ProbeChain chain, int parallelTargets) {
        this.chain = chain;
        this.parallelTargets = parallelTargets;
    }

    /**
     * Carries out {@code plan} under {@code deadline}: its run-wide steps first, then the probe chain on
     * its targets and the targets the steps found, then each target's diagnosis.
     */
    public Report run(CheckPlan plan, Deadline deadline) throws InterruptedException {
        return run(plan, deadline, new RunProgress());
    }

    /** As {@link #run(CheckPlan, Deadline)}, counting finished targets in {@code progress}. */
    public Report run(CheckPlan plan, Deadline deadline, RunProgress progress) throws InterruptedException {
        List<ProbeRun> runLevel = new ArrayList<>();
        List<Target> targets = new ArrayList<>(plan.targets());
        for (RunStep step : plan.steps()) {
            RunStep.Result result = step.run(deadline);
            runLevel.addAll(result.runs());
            targets.addAll(result.targets());
        }
        ProbeSettings settings = plan.settings();
        ExecutorService executor = newExecutor();
        try {
            List<ChainRunner.Outcome> perTarget = new ChainRunner(chain, executor, parallelTargets, progress)
                    .execute(targets, settings, deadline);
            Diagnoser diagnoser = new Diagnoser();
            List<TargetResult> results = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                ChainRunner.Outcome outcome = perTarget.get(i);
                // Run-level findings (the config) explain every target, so each diagnosis sees them.
                List<ProbeRun> runs = new ArrayList<>(runLevel);
                runs.addAll(outcome.runs());
                PathFacts facts = new PathFacts(SignalPaths.expected(targets.get(i), settings.signals()),
                        outcome.facts().get(LocalPaths.PATHS).orElse(List.of()),
                        outcome.facts().get(FirewallProbe.VIEW).orElse(null));
                TargetVerdict verdict = diagnoser.diagnose(targets.get(i), runs, facts);
                List<String> addresses = outcome.facts().get(DnsProbe.ADDRESSES).orElse(List.of()).stream()
                        .map(InetAddress::getHostAddress).toList();
                results.add(new TargetResult(targets.get(i), outcome.runs(), verdict.diagnosis(), verdict.verdict(),
                        verdict.status(), addresses));
            }
            String verdict = results.size() == 1 ? results.get(0).verdict() : Diagnoser.fleetVerdict(results);
            return new Report("check", runLevel, results, runDiagnosis(results), verdict, deadline.elapsedMillis());
        } finally {
            // Probes blocked in uninterruptible I/O past the deadline must not keep the JVM alive.
            executor.shutdownNow();
        }
    }

    /**
     * The run's root cause: that of its one target, or of the first target with the worst status. Each
     * target was diagnosed on its own path, so nothing is compared across targets (a fleet of thousands
     * costs one pass).
     */
    private static Diagnosis runDiagnosis(List<TargetResult> results) {
        TargetResult worst = null;
        for (TargetResult result : results) {
            if (result.diagnosis() != null && (worst == null || rank(result.status()) > rank(worst.status()))) {
                worst = result;
            }
        }
        return worst == null ? null : worst.diagnosis();
    }

    /** Not proven (skipped) weighs like a failure when choosing the run's root cause. */
    private static int rank(Severity status) {
        return status == Severity.SKIP ? Severity.FAIL.ordinal() : status.ordinal();
    }

    /**
     * Probe steps block on I/O, so threads are cheap and many: a cached pool of daemon threads. Each
     * step is bounded by the deadline, which bounds how many are alive at once.
     */
    private static ExecutorService newExecutor() {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "probe-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
