package dev.otlpdoctor.check;

import dev.otlpdoctor.diagnose.Diagnoser;
import dev.otlpdoctor.probe.ChainRunner;
import dev.otlpdoctor.probe.Deadline;
import dev.otlpdoctor.probe.ProbeChain;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.probe.net.DnsProbe;
import dev.otlpdoctor.probe.net.TcpProbe;
import dev.otlpdoctor.probe.otlp.GrpcProbe;
import dev.otlpdoctor.probe.otlp.HttpProbe;
import dev.otlpdoctor.probe.otlp.ProtocolProbe;
import dev.otlpdoctor.probe.tls.TlsProbe;
import dev.otlpdoctor.report.Diagnosis;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.report.Report;
import dev.otlpdoctor.target.Target;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code check} use case: runs the probe chain against the targets under one deadline, then
 * diagnoses. The standard chain's order is documented in docs/probes.md.
 */
public final class Checker {

    /** The probes of {@code check}, in chain order. */
    public static ProbeChain standardChain() {
        return new ProbeChain(List.of(
                new DnsProbe(),
                new TcpProbe(),
                new TlsProbe(),
                new ProtocolProbe(),
                new GrpcProbe(),
                new HttpProbe()));
    }

    private final ProbeChain chain;

    public Checker(ProbeChain chain) {
        this.chain = chain;
    }

    public Report check(List<Target> targets, ProbeSettings settings) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(settings.timeout());
        ExecutorService executor = newExecutor();
        try {
            List<ProbeRun> runs = new ChainRunner(chain, executor).run(targets, settings, deadline);
            Diagnoser diagnoser = new Diagnoser();
            Optional<Diagnosis> diagnosis = diagnoser.diagnose(targets, runs);
            String verdict = diagnosis.map(Diagnosis::title).orElseGet(() -> diagnoser.passVerdict(runs));
            return new Report("check", targets, runs, diagnosis.orElse(null), verdict,
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            // Probes blocked in uninterruptible I/O past the deadline must not keep the JVM alive.
            executor.shutdownNow();
        }
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
