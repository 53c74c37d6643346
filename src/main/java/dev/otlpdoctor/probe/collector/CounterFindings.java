package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.CollectorCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads the collector's counters as findings. The counters are cumulative since the collector started, so
 * a non-zero refusal or failure count alone is a warning (it may be old); one that grew between the scrape
 * before and the one after the endpoint probes is happening now, and fails.
 */
final class CounterFindings {
    /** A queue this full is about to drop data. */
    private static final double QUEUE_WARN_RATIO = 0.8;

    private final String url;
    private final CollectorCounters before;
    private final CollectorCounters after;
    private final String sampleNote;

    /**
     * @param before counters from before the endpoint probes, or {@code null} when there was no such scrape
     * @param sampleNote why a requested sample cannot be followed, or {@code null}
     */
    CounterFindings(String url, CollectorCounters before, CollectorCounters after, String sampleNote) {
        this.url = url;
        this.before = before;
        this.after = after;
        this.sampleNote = sampleNote;
    }

    List<Finding> all() {
        List<Finding> out = new ArrayList<>();
        out.add(summary());
        for (Signal signal : Signal.values()) {
            perComponent(out, Measure.RECEIVER_REFUSED, signal, CollectorCodes.RECEIVER_REFUSING, "receiver", "refused",
                    Measure.RECEIVER_ACCEPTED, "accepted");
            perComponent(out, Measure.EXPORTER_SEND_FAILED, signal, CollectorCodes.EXPORTER_FAILING, "exporter", "failed",
                    Measure.EXPORTER_SENT, "sent");
            for (Measure refusal : List.of(Measure.PROCESSOR_REFUSED, Measure.MEMORY_LIMITER_REFUSED, Measure.PROCESSOR_DROPPED)) {
                perComponent(out, refusal, signal, CollectorCodes.PROCESSOR_REFUSING, "processor", "count", null, null);
            }
        }
        queues(out);
        return out;
    }

    private Finding summary() {
        StringJoiner summary = new StringJoiner("; ");
        Finding.Builder builder = CollectorCodes.TELEMETRY_READ.finding().evidence("url", url)
                .evidence("versionFamily", after.versionFamily());
        for (Signal signal : Signal.values()) {
            if (!after.has(Measure.RECEIVER_ACCEPTED, signal) && !after.has(Measure.EXPORTER_SENT, signal)) {
                continue;
            }
            String line = signal.items() + " accepted " + count(after.total(Measure.RECEIVER_ACCEPTED, signal))
                    + ", refused " + count(after.total(Measure.RECEIVER_REFUSED, signal))
                    + ", sent " + count(after.total(Measure.EXPORTER_SENT, signal))
                    + ", send failed " + count(after.total(Measure.EXPORTER_SEND_FAILED, signal));
            builder.evidence(signal.label(), line);
            summary.add(line);
        }
        String text = summary.length() == 0 ? "no receiver or exporter counters yet" : summary.toString();
        if (sampleNote != null) {
            builder.evidence("sample", sampleNote);
        }
        return builder.param("summary", text)
                .detail("Read " + after.recognisedSamples() + " collector counters at {url} (recognised: {versionFamily})."
                        + (sampleNote == null ? "" : " --send-sample: " + sampleNote + "."))
                .build();
    }

    private void perComponent(List<Finding> out, Measure measure, Signal signal, dev.otlpdoctor.report.CatalogEntry code,
                              String componentKey, String countKey, Measure companion, String companionKey) {
        for (Map.Entry<String, Double> entry : after.byComponent(measure, signal).entrySet()) {
            double value = entry.getValue();
            if (value <= 0) {
                continue;
            }
            String component = entry.getKey();
            Finding.Builder builder = code.finding()
                    .evidence(componentKey, component)
                    .evidence("signal", signal.label())
                    .evidence(countKey, count(value))
                    .param("items", signal.items().replace('_', ' '))
                    .param("url", url);
            if (companion != null) {
                builder.evidence(companionKey, count(after.value(companion, signal, component)));
            }
            String growth = growth(builder, measure, signal, component, value);
            builder.detail(componentKey + " " + component + " counts " + count(value) + " " + signal.items() + " "
                    + (countKey.equals("count") ? "refused or dropped" : countKey) + " since the collector started"
                    + growth + ".");
            out.add(builder.build());
        }
    }

    /** Sets the severity from the growth during the run, when there was a scrape before; returns a clause. */
    private String growth(Finding.Builder builder, Measure measure, Signal signal, String component, double value) {
        if (before == null) {
            return " (one scrape: it may be old)";
        }
        double grown = value - before.value(measure, signal, component);
        builder.evidence("duringRun", count(grown));
        if (grown > 0) {
            builder.severity(Severity.FAIL);
            return ", " + count(grown) + " of them during this run";
        }
        builder.severity(Severity.INFO);
        return ", none during this run";
    }

    private void queues(List<Finding> out) {
        for (CollectorCounters.Key queue : after.queues()) {
            double capacity = after.value(Measure.QUEUE_CAPACITY, queue.signal(), queue.component());
            double size = after.value(Measure.QUEUE_SIZE, queue.signal(), queue.component());
            if (capacity <= 0 || size < capacity * QUEUE_WARN_RATIO) {
                continue;
            }
            Finding.Builder builder = CollectorCodes.QUEUE_FULL.finding()
                    .evidence("exporter", queue.component())
                    .evidence("size", count(size))
                    .evidence("capacity", count(capacity))
                    .detail("The sending queue of exporter {exporter} holds {size} of {capacity}"
                            + (size >= capacity ? ": it is full and new data is dropped." : "."));
            if (queue.signal() != null) {
                builder.evidence("signal", queue.signal().label());
            }
            if (size >= capacity) {
                builder.severity(Severity.FAIL);
            }
            out.add(builder.build());
        }
    }

    static String count(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
