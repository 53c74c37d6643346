package dev.otlpdoctor.listen.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request workers with a bounded queue. When workers and queue are full the submitting I/O thread runs
 * the task itself, so it stops reading from its sockets: clients are slowed by TCP and HTTP/2 flow
 * control instead of the sink buffering without limit.
 */
public final class BoundedExecutor {
    private BoundedExecutor() {
    }

    public static ThreadPoolExecutor create(String name, int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), factory, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
