package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.schema.SchemaProblem;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/** A duration without a unit or with an invalid one. */
final class DurationUnitRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        SchemaFindings.report(context, SchemaProblem.Kind.DURATION_UNIT, ConfigCodes.DURATION_UNIT, findings);
    }
}
