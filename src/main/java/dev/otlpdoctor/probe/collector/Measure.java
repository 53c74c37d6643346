package dev.otlpdoctor.probe.collector;

/**
 * What a collector counter measures, independent of how a collector version spells its name. Names are
 * matched after removing the {@code otelcol_} prefix and the {@code _total} suffix; docs/collector-behaviour.md
 * lists which versions emit which.
 */
enum Measure {
    RECEIVER_ACCEPTED("receiver_accepted_", "receiver"),
    RECEIVER_REFUSED("receiver_refused_", "receiver"),
    RECEIVER_FAILED("receiver_failed_", "receiver"),
    EXPORTER_SENT("exporter_sent_", "exporter"),
    EXPORTER_SEND_FAILED("exporter_send_failed_", "exporter"),
    EXPORTER_ENQUEUE_FAILED("exporter_enqueue_failed_", "exporter"),
    /** Before v0.111.0 from every processor; the memory_limiter kept it until v0.155.0. */
    PROCESSOR_REFUSED("processor_refused_", "processor"),
    /** The memory_limiter's own refusals from v0.155.0 on. */
    MEMORY_LIMITER_REFUSED("processor_memory_limiter_refused_", "processor"),
    PROCESSOR_DROPPED("processor_dropped_", "processor"),
    /** v0.109.0 and later; the signal is the {@code otel_signal} label (v0.110.0 and later). */
    PROCESSOR_INCOMING("processor_incoming_items", "processor"),
    PROCESSOR_OUTGOING("processor_outgoing_items", "processor"),
    QUEUE_SIZE("exporter_queue_size", "exporter"),
    QUEUE_CAPACITY("exporter_queue_capacity", "exporter");

    private final String stem;
    private final String componentLabel;

    Measure(String stem, String componentLabel) {
        this.stem = stem;
        this.componentLabel = componentLabel;
    }

    /** Whether the name (without prefix and suffix) is per signal, ending in the signal's item word. */
    boolean perSignalName() {
        return stem.endsWith("_");
    }

    String stem() {
        return stem;
    }

    /** The label naming the component instance: {@code receiver}, {@code exporter} or {@code processor}. */
    String componentLabel() {
        return componentLabel;
    }
}
