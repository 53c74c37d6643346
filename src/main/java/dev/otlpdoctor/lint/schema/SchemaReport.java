package dev.otlpdoctor.lint.schema;

import dev.otlpdoctor.lint.config.Component;
import java.util.List;

/**
 * The outcome of checking a config against the component schemas.
 *
 * @param problems every mismatch, in the order found
 * @param unchecked components of a type the schema set does not cover
 * @param release the collector release of the schemas
 */
public record SchemaReport(List<SchemaProblem> problems, List<Component> unchecked, String release) {
    public SchemaReport {
        problems = List.copyOf(problems);
        unchecked = List.copyOf(unchecked);
    }

    /** The problems of one kind. */
    public List<SchemaProblem> of(SchemaProblem.Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).toList();
    }
}
