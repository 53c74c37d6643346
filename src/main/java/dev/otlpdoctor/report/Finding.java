package dev.otlpdoctor.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One observation of a probe: a catalog code with what was seen (evidence) and what to do (remediation).
 *
 * @param entry the catalog definition of the code
 * @param severity the severity of this observation
 * @param probe id of the probe that made it (set by the chain runner)
 * @param endpoint the endpoint or host it is about, e.g. {@code localhost:4317}
 * @param title one line with placeholders filled
 * @param detail what exactly was observed, in a sentence
 * @param evidence the facts observed (address, port, status, latency…), in insertion order
 * @param remediation ordered concrete steps with placeholders filled
 */
public record Finding(CatalogEntry entry, Severity severity, String probe, String endpoint, String title,
                      String detail, Map<String, Object> evidence, List<String> remediation) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    public Finding {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        remediation = List.copyOf(remediation);
    }

    public String code() {
        return entry.code();
    }

    /** The same finding attributed to a probe and endpoint. */
    public Finding attributedTo(String probeId, String endpointLabel) {
        return new Finding(entry, severity, probeId, endpoint == null ? endpointLabel : endpoint, title, detail,
                evidence, remediation);
    }

    /** The same finding at another severity, with the reason for the change added to its detail. */
    public Finding withSeverity(Severity changed, String reason) {
        return new Finding(entry, changed, probe, endpoint, title, (detail.isEmpty() ? "" : detail + " ") + reason,
                evidence, remediation);
    }

    /** The same finding with one more piece of evidence (what it is about, seen from the probe that reports it). */
    public Finding withEvidence(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(evidence);
        more.put(key, value);
        return new Finding(entry, severity, probe, endpoint, title, detail, more, remediation);
    }

    /**
     * The same finding with every text passed through {@code mask}: title, detail, remediation and the
     * evidence values (strings, and strings inside lists and maps). The run masks secrets a peer repeated.
     */
    public Finding masked(UnaryOperator<String> mask) {
        Map<String, Object> maskedEvidence = new LinkedHashMap<>();
        evidence.forEach((k, v) -> maskedEvidence.put(k, maskValue(v, mask)));
        return new Finding(entry, severity, probe, endpoint, mask.apply(title), mask.apply(detail), maskedEvidence,
                remediation.stream().map(mask).toList());
    }

    private static Object maskValue(Object value, UnaryOperator<String> mask) {
        if (value instanceof String text) {
            return mask.apply(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> maskValue(v, mask)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, maskValue(v, mask)));
            return out;
        }
        return value;
    }

    static Builder builder(CatalogEntry entry) {
        return new Builder(entry);
    }

    /** Builds a finding from its catalog entry; parameters fill the entry's placeholders. */
    public static final class Builder {
        private final CatalogEntry entry;
        private Severity severity;
        private String endpoint;
        private String detail = "";
        private final Map<String, Object> evidence = new LinkedHashMap<>();
        private final Map<String, Object> params = new LinkedHashMap<>();
        private final List<String> extraSteps = new ArrayList<>();

        private Builder(CatalogEntry entry) {
            this.entry = entry;
            this.severity = entry.severity();
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        /** An observed fact; it also fills a placeholder of the same name. */
        public Builder evidence(String key, Object value) {
            evidence.put(key, value);
            params.put(key, value);
            return this;
        }

        /** A value for a placeholder that is not itself evidence. */
        public Builder param(String key, Object value) {
            params.put(key, value);
            return this;
        }

        /** A step specific to this observation, after the catalog's own steps. */
        public Builder step(String step) {
            extraSteps.add(step);
            return this;
        }

        public Finding build() {
            List<String> steps = new ArrayList<>();
            entry.remediation().forEach(s -> steps.add(fill(s)));
            extraSteps.forEach(s -> steps.add(fill(s)));
            return new Finding(entry, severity, null, endpoint, fill(entry.title()), fill(detail), evidence, steps);
        }

        private String fill(String template) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object value = params.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
