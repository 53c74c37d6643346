package dev.otlpdoctor.probe;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.otlp.SecretMask;
import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link ProbeChain} against targets: targets and their endpoints concurrently, the probes of
 * each in chain order, all under one {@link Deadline}. When the deadline passes the runner stops
 * waiting (after a short grace for probes to report their own timeouts) and reports what did not
 * finish as skipped, so a run never takes longer than about {@code --timeout}.
 */
public final class ChainRunner {
    /** Time for probes whose network step ends exactly at the deadline to record their finding. */
    private static final long GRACE_MILLIS = 150;

    private final ProbeChain chain;
    private final ExecutorService executor;
    private final int parallelTargets;
    private final RunProgress progress;

    /**
     * @param parallelTargets how many targets are probed at once; the others wait for a slot, and
     *        those that get none before the deadline are reported as skipped
     */
    public ChainRunner(ProbeChain chain, ExecutorService executor, int parallelTargets) {
        this(chain, executor, parallelTargets, new RunProgress());
    }

    /** A runner that counts finished targets in {@code progress}, for a live progress line. */
    public ChainRunner(ProbeChain chain, ExecutorService executor, int parallelTargets, RunProgress progress) {
        this.chain = chain;
        this.executor = executor;
        this.parallelTargets = parallelTargets;
        this.progress = progress;
    }

    /**
     * Probe results per target, in target order; within a target in a stable order: target-wide probes
     * first, then endpoint by endpoint, then the target's after-probes.
     */
    public List<List<ProbeRun>> run(List<Target> targets, ProbeSettings settings, Deadline deadline) {
        return execute(targets, settings, deadline).stream().map(Outcome::runs).toList();
    }

    /**
     * What one target's chain produced: its probe runs, and the facts its target-wide probes learned (the
     * host's sockets and processes on its path) for the diagnosis.
     */
    public record Outcome(List<ProbeRun> runs, Facts facts) {
    }

    /** Like {@link #run}, with each target's facts. */
    public List<Outcome> execute(List<Target> targets, ProbeSettings settings, Deadline deadline) {
        if (!targets.isEmpty()) {
            Preparation.startInBackground(chain);
        }
        Semaphore slots = new Semaphore(parallelTargets);
        progress.planned(targets.size());
        // What every target shares is worked out once: a fleet has thousands of targets.
        SecretMask secrets = SecretMask.of(settings.headers());
        RunMemo memo = new RunMemo();
        TargetRun[] runs = new TargetRun[targets.size()];
        // Slots are taken here, in target order, so the first targets given are the first checked; a target is
        // set up only when it gets one. One that gets no slot before the deadline, and every one after it,
        // reports that it never started.
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            if (deadline.expired() || !acquire(slots, deadline)) {
                break;
            }
            TargetRun run = new TargetRun(targets.get(i), settings, deadline, secrets, memo);
            runs[i] = run;
            futures.add(executor.submit(() -> run.executeHoldingSlot(slots, deadline)));
        }
        awaitAll(futures, deadline);
        List<Outcome> results = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            if (runs[i] == null) {
                results.add(new Outcome(List.of(ChainLog.neverStarted(chain.probes().get(0), targets.get(i).host(),
                        deadline)), new Facts()));
                continue;
            }
            runs[i].rethrowFailure();
            results.add(new Outcome(runs[i].results(), runs[i].targetFacts));
        }
        return results;
    }

    private static boolean acquire(Semaphore slots, Deadline deadline) {
        try {
            return slots.tryAcquire(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitAll(List<Future<?>> futures, Deadline deadline) {
        try {
            for (Future<?> future : futures) {
                future.get(deadline.remaining().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            futures.forEach(f -> f.cancel(true));
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("probe chain failed", e.getCause());
        }
    }

    /** One target: its target-wide chain, then one chain per endpoint, concurrently, then its after chain. */
    private final class TargetRun {
        private final ChainLog targetLog;
        private final List<ChainLog> endpointLogs = new ArrayList<>();
        private final ChainLog afterLog;
        private final Facts targetFacts = new Facts();

        TargetRun(Target target, ProbeSettings settings, Deadline deadline, SecretMask secrets, RunMemo memo) {
            ProbeContext targetContext = new ProbeContext(target, null, settings, deadline, targetFacts, executor, memo);
            targetLog = new ChainLog(chain.ofScope(Scope.TARGET), targetContext, null, secrets);
            for (Endpoint endpoint : target.endpoints()) {
                endpointLogs.add(new ChainLog(chain.ofScope(Scope.ENDPOINT),
                        new ProbeContext(target, endpoint, settings, deadline, targetFacts.child(), executor, memo),
                        targetLog, secrets));
            }
            afterLog = new ChainLog(chain.ofScope(Scope.TARGET_AFTER), targetContext, targetLog, secrets);
        }

        /** Runs the target, then gives its slot back. */
        void executeHoldingSlot(Semaphore slots, Deadline deadline) {
            try {
                if (!deadline.expired()) {
                    execute();
                }
            } finally {
                progress.finishedOne();
                slots.release();
            }
        }

        private void execute() {
            targetLog.execute();
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            List<Future<?>> futures = new ArrayList<>();
            for (ChainLog log : endpointLogs) {
                futures.add(executor.submit(log::execute));
            }
            try {
                for (Future<?> future : futures) {
                    future.get();
                }
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException("endpoint chain failed", e.getCause());
            }
            afterLog.execute();
        }

        List<ProbeRun> results() {
            List<ProbeRun> out = new ArrayList<>(targetLog.results());
            endpointLogs.forEach(log -> out.addAll(log.results()));
            out.addAll(afterLog.results());
            return out;
        }

        void rethrowFailure() {
            List<ChainLog> all = new ArrayList<>(endpointLogs);
            all.add(0, targetLog);
            all.add(afterLog);
            for (ChainLog log : all) {
                if (log.failure() != null) {
                    throw log.failure();
                }
            }
        }
    }
}
