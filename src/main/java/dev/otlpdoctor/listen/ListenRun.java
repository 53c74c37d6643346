package dev.otlpdoctor.listen;

import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.tally.Expectation;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.listen.view.Banner;
import dev.otlpdoctor.listen.view.JsonLines;
import dev.otlpdoctor.listen.view.LiveView;
import dev.otlpdoctor.listen.view.SummaryJson;
import dev.otlpdoctor.listen.view.SummaryText;
import dev.otlpdoctor.report.JsonRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One {@code otlpdoctor listen} run: start the servers, show what arrives, stop when the expectations
 * hold, the time is up or the user presses Ctrl-C, then print the summary.
 *
 * <p>It writes only to the writers it is given and returns how it ended; the command decides the exit code.
 */
public final class ListenRun {
    /** Everything the command line decides. {@code duration} and {@code jsonl} may be null. */
    public record Options(ListenConfig config, List<Expectation> expectations, Duration duration,
                          Duration timeout, boolean json, boolean verbose, int keep, Path jsonl,
                          Duration tick, PortOwner portOwner) {
    }

    private final Options options;
    private volatile boolean stopRequested;

    public ListenRun(Options options) {
        this.options = options;
    }

    /** Runs until done; {@code interruptible} installs a shutdown hook so Ctrl-C still prints the summary. */
    public ListenOutcome run(PrintWriter out, PrintWriter err, boolean interruptible) throws InterruptedException {
        Tally tally = new Tally(options.keep(), Clock.systemUTC());
        JsonLines jsonLines = options.jsonl() == null ? null : JsonLines.open(options.jsonl());
        try (OtlpServers listener = OtlpServers.start(options.config(), new Recorder(tally, jsonLines), options.portOwner())) {
            if (options.config().bind().isAnyLocalAddress()) {
                err.println("otlpdoctor: warning: listening on all interfaces (--bind "
                        + options.config().bind().getHostAddress() + "): anyone who can reach this machine can send"
                        + " telemetry" + (options.config().requiredHeader() == null ? " (consider --require-header)" : ""));
                err.flush();
            }
            // With -o json stdout carries the one JSON document only; the banner goes to stderr.
            Banner.print(listener.listening(), options.json() ? err : out);
            CountDownLatch printed = new CountDownLatch(1);
            Thread hook = interruptible ? installHook(tally, printed) : null;
            try {
                Summary end = await(tally, options.json() ? null : new LiveView(out, options.verbose(), tally.snapshot()));
                report(end, listener, out);
                List<Expectation> unmet = options.expectations().stream().filter(e -> !e.holds(end)).toList();
                for (Expectation e : unmet) {
                    err.println("otlpdoctor: expectation not met: " + e + " (" + e.observed(end) + ")");
                }
                err.flush();
                return unmet.isEmpty() ? ListenOutcome.DONE : ListenOutcome.EXPECTATIONS_UNMET;
            } finally {
                printed.countDown();
                removeHook(hook);
            }
        } finally {
            if (jsonLines != null) {
                jsonLines.close();
            }
        }
    }

    private Summary await(Tally tally, LiveView view) throws InterruptedException {
        List<Expectation> expectations = options.expectations();
        Duration limit = !expectations.isEmpty() ? options.timeout() : options.duration();
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        long tickMillis = options.tick().toMillis();
        long nextTick = System.nanoTime() + options.tick().toNanos();
        long seen = tally.version();
        while (true) {
            Summary now = tally.snapshot();
            if (!expectations.isEmpty() && expectations.stream().allMatch(e -> e.holds(now))) {
                return now;
            }
            long nowNanos = System.nanoTime();
            if (stopRequested || nowNanos >= deadline) {
                return now;
            }
            if (nowNanos >= nextTick) {
                if (view != null) {
                    view.tick(now);
                }
                nextTick = nowNanos + options.tick().toNanos();
            }
            long wait = Math.max(1, (Math.min(deadline, nextTick) - nowNanos) / 1_000_000);
            seen = tally.awaitChange(seen, Math.min(tickMillis, wait));
        }
    }

    private void report(Summary end, OtlpServers listener, PrintWriter out) {
        if (options.json()) {
            out.println(JsonRenderer.toString(SummaryJson.of(end, listener.listening(), options.expectations(), options.verbose())));
            out.flush();
        } else {
            SummaryText.print(end, options.expectations(), options.verbose(), out);
        }
    }

    private Thread installHook(Tally tally, CountDownLatch printed) {
        Thread hook = new Thread(() -> {
            stopRequested = true;
            synchronized (tally) {
                tally.notifyAll();
            }
            try {
                // Let the run print its summary before the JVM goes away.
                printed.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "listen-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down (Ctrl-C): the hook is running and ends by itself.
        }
    }
}
