package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.schema.SchemaProblem;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/** A setting the component's Validate requires is not set (an exporter without endpoint). */
final class RequiredFieldRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        SchemaFindings.report(context, SchemaProblem.Kind.REQUIRED_MISSING, ConfigCodes.REQUIRED_MISSING, findings);
    }
}
