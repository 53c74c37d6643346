package dev.otlpdoctor.lint.schema;

import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.report.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One place where a config does not fit the schema of its component; a lint rule turns it into a finding.
 *
 * @param kind what does not fit
 * @param severity how the collector takes it (fail: it refuses to start)
 * @param location where to fix it
 * @param evidence the facts, named as the finding's evidence (fills the catalog entry's placeholders)
 * @param detail one or two sentences on what the collector does with it
 */
public record SchemaProblem(Kind kind, Severity severity, Location location, Map<String, Object> evidence,
                            String detail) {
    /** The kinds of mismatch, one lint rule each. */
    public enum Kind { INVALID_KEY, WRONG_TYPE, DURATION_UNIT, ENUM_VALUE, REQUIRED_MISSING, INVALID_VALUE }

    public SchemaProblem {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
