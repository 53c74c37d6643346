package dev.otlpdoctor.listen.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes listen holds for requests not yet answered, across every connection of both servers: a
 * request that would take the total over {@code max} is refused (HTTP 503, gRPC UNAVAILABLE, both
 * retryable) instead of the sink's memory growing with the number of concurrent uploads.
 */
public final class InFlightBudget {
    /** Default budget: room for sixty-four 4 MiB gRPC messages, or twelve 20 MiB HTTP bodies. */
    static final long DEFAULT_BYTES = 256L * 1024 * 1024;

    /**
     * The default, but at most half the JVM's memory limit: Netty's direct buffers (where request bodies
     * are collected) are limited to the heap size unless the JVM is told otherwise, and a budget above
     * that would let allocation fail first, as a reset instead of a counted 503.
     */
    public static long defaultBytes() {
        return Math.min(DEFAULT_BYTES, Runtime.getRuntime().maxMemory() / 2);
    }

    private final long max;
    private final AtomicLong used = new AtomicLong();

    public InFlightBudget(long max) {
        this.max = max;
    }

    /** Takes {@code bytes} from the budget; false (and nothing taken) when they do not fit. */
    public boolean tryReserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > max) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    public void release(long bytes) {
        used.addAndGet(-bytes);
    }

    public long max() {
        return max;
    }

    public long used() {
        return used.get();
    }
}
