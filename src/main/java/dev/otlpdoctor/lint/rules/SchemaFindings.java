package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.schema.SchemaProblem;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.Finding;
import java.util.Set;
import java.util.function.Consumer;

/** Turns the schema check's problems of one kind into findings of one code. */
final class SchemaFindings {
    /** Placeholders of titles that are not themselves evidence. */
    private static final Set<String> PARAMS_ONLY = Set.of("fix", "didYouMean", "where");

    private SchemaFindings() {
    }

    static void report(ConfigContext context, SchemaProblem.Kind kind, CatalogEntry entry, Consumer<Finding> findings) {
        for (SchemaProblem problem : context.schema().of(kind)) {
            Finding.Builder finding = Located.at(entry.finding(), problem.location()).severity(problem.severity());
            problem.evidence().forEach((key, value) -> {
                if (PARAMS_ONLY.contains(key)) {
                    finding.param(key, value);
                } else {
                    finding.evidence(key, value);
                }
            });
            findings.accept(finding.evidence("schemaRelease", context.schema().release())
                    .detail(problem.detail()).build());
        }
    }
}
