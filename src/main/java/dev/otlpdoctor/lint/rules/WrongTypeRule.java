package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.schema.SchemaProblem;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/** A value of another YAML type than the setting takes (a number for a string, a scalar for a map). */
final class WrongTypeRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        SchemaFindings.report(context, SchemaProblem.Kind.WRONG_TYPE, ConfigCodes.WRONG_TYPE, findings);
    }
}
