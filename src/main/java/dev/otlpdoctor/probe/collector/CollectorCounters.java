package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.otlp.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The collector's own counters from one scrape of its metrics page, keyed by what they measure, the signal
 * and the component (receiver, exporter or processor id), whatever the collector version called them.
 * Values of the same key are summed over the other labels (transport, format, service_instance_id…).
 */
final class CollectorCounters {
    private static final String PREFIX = "otelcol_";
    private static final String SUFFIX = "_total";

    /** A counter's identity; {@code signal} is {@code null} where the collector does not say it. */
    record Key(Measure measure, Signal signal, String component) {
    }

    private final Map<Key, Double> values = new LinkedHashMap<>();
    private final Set<String> family = new LinkedHashSet<>();
    private int recognisedSamples;

    static CollectorCounters of(Exposition exposition) {
        CollectorCounters counters = new CollectorCounters();
        exposition.samples().forEach(counters::add);
        return counters;
    }

    private void add(Exposition.Sample sample) {
        boolean prefixed = sample.name().startsWith(PREFIX);
        String name = prefixed ? sample.name().substring(PREFIX.length()) : sample.name();
        boolean suffixed = name.endsWith(SUFFIX);
        String bare = suffixed ? name.substring(0, name.length() - SUFFIX.length()) : name;
        for (Measure measure : Measure.values()) {
            Signal signal = signalOf(measure, bare, sample);
            if (signal == null && !(bare.equals(measure.stem()) && !measure.perSignalName())) {
                continue;
            }
            if (Double.isNaN(sample.value())) {
                return;
            }
            values.merge(new Key(measure, signal, sample.label(measure.componentLabel())), sample.value(), Double::sum);
            recognisedSamples++;
            noteFamily(measure, prefixed, suffixed, sample);
            return;
        }
    }

    private static Signal signalOf(Measure measure, String bare, Exposition.Sample sample) {
        if (measure.perSignalName()) {
            return bare.startsWith(measure.stem()) ? Signal.ofItems(bare.substring(measure.stem().length())) : null;
        }
        if (!bare.equals(measure.stem())) {
            return null;
        }
        // Processor item counters name the signal in otel_signal, queue gauges (v0.106.0+) in data_type.
        Signal signal = Signal.ofLabel(sample.label("otel_signal"));
        return signal != null ? signal : Signal.ofLabel(sample.label("data_type"));
    }

    private void noteFamily(Measure measure, boolean prefixed, boolean suffixed, Exposition.Sample sample) {
        boolean counter = measure != Measure.QUEUE_SIZE && measure != Measure.QUEUE_CAPACITY;
        if (counter) {
            family.add(suffixed ? "counter names end in _total (a Prometheus reader configured with type suffixes)"
                    : "counter names without _total (the collector's default exposition)");
        }
        if (!prefixed) {
            family.add("names without the otelcol_ prefix (a custom Prometheus reader or namespace)");
        }
        switch (measure) {
            case PROCESSOR_INCOMING, PROCESSOR_OUTGOING -> family.add(sample.labels().containsKey("otel_signal")
                    ? "processor incoming/outgoing items per signal (v0.110.0 or later)"
                    : "processor incoming/outgoing items without a signal label (v0.109.0)");
            case PROCESSOR_REFUSED, PROCESSOR_DROPPED -> family.add(
                    "per-processor refused/dropped counters (processorhelper before v0.111.0, memory_limiter before v0.155.0)");
            case MEMORY_LIMITER_REFUSED -> family.add("memory_limiter's own refused counters (v0.155.0 or later)");
            case RECEIVER_FAILED -> family.add("receiver failed counters (v0.133.0 or later)");
            case QUEUE_SIZE, QUEUE_CAPACITY -> {
                if (sample.labels().containsKey("data_type")) {
                    family.add("queue gauges per signal (v0.106.0 or later)");
                }
            }
            default -> {
                // receiver accepted/refused and exporter sent/failed exist in every version with these names
            }
        }
    }

    /** Whether the page held any counter of a collector at all. */
    boolean isEmpty() {
        return recognisedSamples == 0;
    }

    int recognisedSamples() {
        return recognisedSamples;
    }

    /** The version family the names and labels point to, as one line for a finding's evidence. */
    String versionFamily() {
        return String.join("; ", family);
    }

    /** The sum over components of one measure for one signal. */
    double total(Measure measure, Signal signal) {
        return byComponent(measure, signal).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Whether any counter of this measure and signal was on the page. */
    boolean has(Measure measure, Signal signal) {
        return !byComponent(measure, signal).isEmpty();
    }

    /** Values of one measure for one signal, by component id, sorted by id. */
    Map<String, Double> byComponent(Measure measure, Signal signal) {
        Map<String, Double> out = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.measure() == measure && key.signal() == signal) {
                out.merge(key.component(), value, Double::sum);
            }
        });
        return out;
    }

    /** The exporter queues seen: component id and signal (null before v0.106.0). */
    List<Key> queues() {
        List<Key> out = new ArrayList<>();
        for (Key key : values.keySet()) {
            if (key.measure() == Measure.QUEUE_CAPACITY) {
                out.add(key);
            }
        }
        return out;
    }

    /** The value of one exact key, or 0. */
    double value(Measure measure, Signal signal, String component) {
        return values.getOrDefault(new Key(measure, signal, component), 0.0);
    }
}
