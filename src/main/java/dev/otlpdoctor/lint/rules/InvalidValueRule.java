package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.schema.SchemaProblem;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/** Settings of the right type that the component's Validate refuses together (spike_limit_mib ≥ limit_mib). */
final class InvalidValueRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        SchemaFindings.report(context, SchemaProblem.Kind.INVALID_VALUE, ConfigCodes.INVALID_VALUE, findings);
    }
}
