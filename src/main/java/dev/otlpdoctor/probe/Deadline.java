package dev.otlpdoctor.probe;

import java.time.Duration;
import java.time.Instant;

/**
 * The one deadline of a run. Every network step asks it for the time left instead of using a timeout of
 * its own, so a target that drops packets ends the run at about {@code --timeout}, not probes × timeout.
 */
public final class Deadline {
    private final long endNanos;
    private final Duration total;

    private Deadline(Duration total, Duration spent) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.minus(spent).toNanos();
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

    public boolean expired() {
        return System.nanoTime() >= endNanos;
    }
}
