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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private volatile Tally running;
    private final CompletableFuture<ListenOutcome> ended = new CompletableFuture<>();

    public ListenRun(Options options) {
        this.options = options;
    }

    /** Runs until done ({@link #stop} ends it early); the summary is printed before it returns. */
    public ListenOutcome run(PrintWriter out, PrintWriter err) throws InterruptedException {
        Tally tally = new Tally(options.keep(), Clock.systemUTC());
        running = tally;
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
            try {
                Summary end = await(tally, options.json() ? null : new LiveView(out, options.verbose(), tally.snapshot()));
                report(end, listener, out);
                List<Expectation> unmet = options.expectations().stream().filter(e -> !e.holds(end)).toList();
                for (Expectation e : unmet) {
                    err.println("otlpdoctor: expectation not met: " + e + " (" + e.observed(end) + ")");
                }
                err.flush();
                ListenOutcome outcome = unmet.isEmpty() ? ListenOutcome.DONE : ListenOutcome.EXPECTATIONS_UNMET;
                ended.complete(outcome);
                return outcome;
            } finally {
                ended.completeExceptionally(new IllegalStateException("the run ended without a summary"));
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

    /**
     * Ends the run as {@code --duration} would (Ctrl-C, SIGTERM): the summary is printed and {@link #run}
     * returns how it ended.
     */
    public void stop() {
        stopRequested = true;
        Tally tally = running;
        if (tally != null) {
            synchronized (tally) {
                tally.notifyAll();
            }
        }
    }

    /** How the run ended, once its summary is printed; empty when that takes longer than {@code wait}. */
    public Optional<ListenOutcome> awaitEnd(Duration wait) throws InterruptedException {
        try {
            return Optional.of(ended.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }
}
