package dev.otlpdoctor.probe;

import dev.otlpdoctor.report.ProbeRun;
import dev.otlpdoctor.target.Endpoint;
import dev.otlpdoctor.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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

    public ChainRunner(ProbeChain chain, ExecutorService executor) {
        this.chain = chain;
        this.executor = executor;
    }

    /**
     * Probe results in a stable order: by target, target-wide probes first, then endpoint by endpoint, then
     * the target's after-probes.
     */
    public List<ProbeRun> run(List<Target> targets, ProbeSettings settings, Deadline deadline) {
        List<TargetRun> runs = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (Target target : targets) {
            TargetRun run = new TargetRun(target, settings, deadline);
            runs.add(run);
            futures.add(executor.submit(run::execute));
        }
        awaitAll(futures, deadline);
        List<ProbeRun> results = new ArrayList<>();
        for (TargetRun run : runs) {
            run.rethrowFailure();
            results.addAll(run.results());
        }
        return results;
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

        TargetRun(Target target, ProbeSettings settings, Deadline deadline) {
            Facts targetFacts = new Facts();
            ProbeContext targetContext = new ProbeContext(target, null, settings, deadline, targetFacts, executor);
            targetLog = new ChainLog(chain.ofScope(Scope.TARGET), targetContext, null);
            for (Endpoint endpoint : target.endpoints()) {
                endpointLogs.add(new ChainLog(chain.ofScope(Scope.ENDPOINT),
                        new ProbeContext(target, endpoint, settings, deadline, targetFacts.child(), executor),
                        targetLog));
            }
            afterLog = new ChainLog(chain.ofScope(Scope.TARGET_AFTER), targetContext, targetLog);
        }

        void execute() {
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
