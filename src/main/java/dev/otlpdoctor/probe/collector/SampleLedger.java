package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.otlp.Signal;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the OTLP probes of one target sent as a sample (with {@code --send-sample}), per signal. The
 * scrape before the endpoint chains puts an empty ledger into the target's facts; endpoint probes find it
 * there and record each sample the collector acknowledged; the scrape after reads it.
 */
public final class SampleLedger {
    private final Map<Signal, Integer> items = new EnumMap<>(Signal.class);

    /** Records {@code count} items of a signal that an endpoint accepted. */
    public synchronized void sent(Signal signal, int count) {
        items.merge(signal, count, Integer::sum);
    }

    synchronized Map<Signal, Integer> items() {
        return new EnumMap<>(items);
    }
}
