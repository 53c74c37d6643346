package dev.otlpdoctor;

import java.time.Duration;
import java.time.Instant;

/**
 * The one deadline of a run, which knows when the run started. Every network step asks it for its wait
 * instead of using a timeout of its own, so a target that drops packets ends the run at about
 * {@code --timeout}, not probes × timeout.
 *
 * <p>The budget policy (docs/probes.md, "Time"): a step may wait for the time left, less a reserve of a
 * tenth (at most {@value #RESERVE_MILLIS} ms) so that a step that times out still records its finding
 * before the runner stops waiting; a step that must leave room for later steps of the same probe takes a
 * share of that ({@link #stepMillis(int, Duration)}), and a step that is rarely the answer (a side page, a
 * host program) is also capped.
 */
public final class Deadline {
    static final int RESERVE_MILLIS = 100;

    private final long startNanos;
    private final long endNanos;
    private final Duration total;

    private Deadline(Duration total, Duration spent) {
        long now = System.nanoTime();
        this.total = total;
        this.startNanos = now - spent.toNanos();
        this.endNanos = startNanos + total.toNanos();
    }

    public static Deadline after(Duration total) {
        return new Deadline(total, Duration.ZERO);
    }

    /**
     * A deadline counted from when the command started ({@code startedAtMillis}, epoch milliseconds), not
     * from now: the time the JVM took to start counts, so a dropped target ends the whole command at about
     * {@code --timeout}. An unknown or implausible start (in the future, or already past the deadline)
     * counts as now.
     */
    public static Deadline sinceStart(Duration total, Long startedAtMillis) {
        Duration spent = startedAtMillis == null ? Duration.ZERO
                : Duration.between(Instant.ofEpochMilli(startedAtMillis), Instant.now());
        if (spent.isNegative() || spent.compareTo(total) >= 0) {
            spent = Duration.ZERO;
        }
        return new Deadline(total, spent);
    }

    /** Milliseconds since {@code startNanos} (a {@link System#nanoTime()} reading): how probes time a step. */
    public static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public Duration total() {
        return total;
    }

    /** Milliseconds since the run started (the report's duration). */
    public long elapsedMillis() {
        return millisSince(startNanos);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** Time left in milliseconds, at least 1 while not expired (0 would mean "no timeout" to java.net). */
    public int remainingMillis() {
        long nanos = endNanos - System.nanoTime();
        if (nanos <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000));
    }

    /** The wait of a network step that may use all the time left (less the reserve); at least 1 ms. */
    public int stepMillis() {
        return stepMillis(1, null);
    }

    /**
     * The wait of a step that takes {@code 1/shareOf} of the time left (less the reserve), at most
     * {@code cap} when given; at least 1 ms.
     */
    public int stepMillis(int shareOf, Duration cap) {
        long remaining = remainingMillis();
        long step = (remaining - Math.min(RESERVE_MILLIS, remaining / 10)) / shareOf;
        if (cap != null) {
            step = Math.min(step, cap.toMillis());
        }
        return (int) Math.max(1, step);
    }

    /** A deadline for a sub-task with a budget of its own (a host program), under this policy. */
    public Deadline step(int shareOf, Duration cap) {
        return after(Duration.ofMillis(stepMillis(shareOf, cap)));
    }

    public boolean expired() {
        return System.nanoTime() >= endNanos;
    }
}
