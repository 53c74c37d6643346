package dev.otlpdoctor.probe.collector;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.CollectorCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where the sample went, per signal, from the growth of the collector's counters between the scrape before
 * the endpoint probes and the one after: counted as accepted, refused by a receiver, failed at an exporter,
 * or not counted by this collector at all.
 */
final class SampleVerdict {
    private final String url;
    private final CollectorCounters before;
    private final CollectorCounters after;

    SampleVerdict(String url, CollectorCounters before, CollectorCounters after) {
        this.url = url;
        this.before = before;
        this.after = after;
    }

    List<Finding> findings(SampleLedger ledger) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Signal, Integer> sent : ledger.items().entrySet()) {
            out.add(verdict(sent.getKey(), sent.getValue()));
        }
        return out;
    }

    private Finding verdict(Signal signal, int sent) {
        double accepted = grown(Measure.RECEIVER_ACCEPTED, signal);
        double refused = grown(Measure.RECEIVER_REFUSED, signal);
        StringJoiner failedExporters = new StringJoiner(", ");
        after.byComponent(Measure.EXPORTER_SEND_FAILED, signal).forEach((exporter, value) -> {
            double grew = value - before.value(Measure.EXPORTER_SEND_FAILED, signal, exporter);
            if (grew > 0) {
                failedExporters.add(exporter + " +" + CounterFindings.count(grew));
            }
        });
        String stage;
        if (refused > 0) {
            stage = "refused by the receiver (back-pressure)";
        } else if (failedExporters.length() > 0) {
            stage = "accepted, then exporter " + failedExporters + " failed to send";
        } else if (accepted < sent) {
            stage = "not counted by the collector at " + url;
        } else {
            stage = null;
        }
        Finding.Builder builder = (stage == null ? CollectorCodes.SAMPLE_ACCEPTED : CollectorCodes.SAMPLE_LOST).finding()
                .evidence("signal", signal.label())
                .evidence("sent", sent)
                .evidence("acceptedDuringRun", CounterFindings.count(accepted))
                .evidence("refusedDuringRun", CounterFindings.count(refused))
                .evidence("exportersFailedDuringRun", failedExporters.length() == 0 ? "none" : failedExporters.toString())
                .param("items", sent + " " + signal.items().replace('_', ' '));
        if (stage != null) {
            builder.evidence("stage", stage);
        }
        return builder.detail("While the sample was sent, the collector's receivers counted {acceptedDuringRun} more "
                        + signal.items() + " accepted and {refusedDuringRun} more refused; exporters that failed: "
                        + "{exportersFailedDuringRun}.")
                .build();
    }

    private double grown(Measure measure, Signal signal) {
        return after.total(measure, signal) - before.total(measure, signal);
    }
}
