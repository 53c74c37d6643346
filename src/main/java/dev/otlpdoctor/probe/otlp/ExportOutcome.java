package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.otlp.Header;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one export was answered, before it becomes a finding: the code, a short {@code answer} ("UNIMPLEMENTED:
 * unknown service …", "HTTP 404 text/plain '404 page not found'") and what else was seen. Outcomes of the
 * same signal and code over several encodings become one finding.
 */
record ExportOutcome(CatalogEntry code, String answer, String detail, Map<String, Object> evidence, Finding ready) {

    static ExportOutcome of(CatalogEntry code, String answer, String detail) {
        return new ExportOutcome(code, answer, detail, new LinkedHashMap<>(), null);
    }

    /** An outcome that is not about the signal (the wrong protocol answered): its finding is already built. */
    static ExportOutcome finding(Finding finding, String answer) {
        return new ExportOutcome(finding.entry(), answer, finding.detail(), new LinkedHashMap<>(), finding);
    }

    ExportOutcome with(String key, Object value) {
        evidence.put(key, value);
        return this;
    }

    /** Same code and answer: the same finding for the user. */
    boolean sameAs(ExportOutcome other) {
        return code == other.code && answer.equals(other.answer);
    }

    Finding toFinding(ProbeContext context, Signal signal, List<String> protocols, String target) {
        if (ready != null) {
            return ready;
        }
        Finding.Builder builder = code.finding()
                .evidence("signal", signal.label())
                .evidence("protocol", String.join(", ", protocols))
                .evidence("target", target)
                .evidence("answer", answer);
        evidence.forEach(builder::evidence);
        List<Header> headers = context.settings().headers();
        builder.evidence("headersSent", headers.stream().map(Header::describe).toList())
                .evidence("sample", context.settings().sendSample())
                .param("SIGNALUPPER", signal.label().toUpperCase(Locale.ROOT))
                .param("endpoint", context.endpoint().label())
                .detail(detail);
        return builder.build();
    }
}
