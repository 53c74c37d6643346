package dev.otlpdoctor.cli;

import dev.otlpdoctor.Deadline;
import dev.otlpdoctor.probe.RunProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live line of a long run on stderr: {@code checked 57/200 targets, 3.1s left}, rewritten in place
 * and erased when the run ends, so stdout (the report, or one JSON document) is untouched. A run that
 * ends within {@link #DELAY_MILLIS} shows nothing.
 */
final class ProgressLine {
    static final long DELAY_MILLIS = 1000;
    private static final long PERIOD_MILLIS = 250;
    /** Carriage return, then erase to the end of the line (ANSI EL). */
    private static final String REWRITE = "\r\u001b[K";

    private final RunProgress progress;
    private final Deadline deadline;
    private final PrintWriter err;
    private final Thread thread;
    private volatile boolean shown;

    private ProgressLine(RunProgress progress, Deadline deadline, PrintWriter err) {
        this.progress = progress;
        this.deadline = deadline;
        this.err = err;
        this.thread = new Thread(this::loop, "progress-line");
        thread.setDaemon(true);
    }

    /** Starts the line when {@code show}; otherwise one whose {@link #close} does nothing. */
    static ProgressLine start(boolean show, RunProgress progress, Deadline deadline, PrintWriter err) {
        ProgressLine line = new ProgressLine(progress, deadline, err);
        if (show) {
            line.thread.start();
        }
        return line;
    }

    private void loop() {
        try {
            Thread.sleep(DELAY_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (err) {
                    err.print(REWRITE + text(progress.finished(), progress.total(), deadline.remaining().toMillis()));
                    err.flush();
                    shown = true;
                }
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    static String text(int finished, int total, long leftMillis) {
        return String.format(Locale.ROOT, "otlpdoctor: checked %d/%d target%s, %.1fs left", finished, total,
                total == 1 ? "" : "s", leftMillis / 1000.0);
    }

    /** Stops the line and erases it. */
    void close() {
        thread.interrupt();
        try {
            thread.join(PERIOD_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            if (shown) {
                err.print(REWRITE);
                err.flush();
            }
        }
    }
}
