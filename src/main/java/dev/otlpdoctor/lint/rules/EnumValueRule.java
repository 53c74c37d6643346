package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.schema.SchemaProblem;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/** A value outside the fixed set a setting takes (compression, verbosity, TLS versions…). */
final class EnumValueRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        SchemaFindings.report(context, SchemaProblem.Kind.ENUM_VALUE, ConfigCodes.ENUM_VALUE, findings);
    }
}
